import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { findAsset, PlatformError } from '@palabre/platform';

/** Hashed static files: cached for a year, since a change gives a new URL. */
@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  @Get(':file')
  serve(@Param('file') file: string, @Res() reply: FastifyReply) {
    const asset = findAsset(`/assets/${file}`);
    if (!asset) throw new PlatformError('NOT_FOUND');
    void reply.header('content-type', asset.contentType).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body);
  }
}
