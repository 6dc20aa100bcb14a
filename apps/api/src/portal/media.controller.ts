import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { FileStorage, PlatformError } from '@palabre/platform';

/** `{hash}-{size}.{webp|jpg}`: the only names photos are stored under. */
const PHOTO_FILE = /^([0-9a-f]{32})-(96|320|640)\.(webp|jpg)$/;
const TYPES = { webp: 'image/webp', jpg: 'image/jpeg' } as const;

/**
 * Speakers' photos, from the FileStorage. A file's name is its content's hash, so it never
 * changes: browsers and proxies keep it for a year without asking again.
 */
@ApiExcludeController()
@Controller('media')
export class MediaController {
  constructor(private readonly storage: FileStorage) {}

  @Get('photos/:file')
  async photo(@Param('file') file: string, @Res() reply: FastifyReply) {
    const name = PHOTO_FILE.exec(file);
    const bytes = name ? await this.storage.get(`photos/${file}`) : null;
    if (!name || !bytes) throw new PlatformError('NOT_FOUND');
    void reply
      .header('content-type', TYPES[name[3] as keyof typeof TYPES])
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-length', bytes.length)
      .send(bytes);
  }
}
