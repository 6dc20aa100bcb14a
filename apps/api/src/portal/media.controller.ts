import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { FileStorage, PlatformError } from '@palabre/platform';

/** `{hash}-{size}.{webp|jpg}`: the only names photos are stored under. */
const PHOTO_FILE = /^([0-9a-f]{32})-(96|320|640)\.(webp|jpg)$/;
const TYPES = { webp: 'image/webp', jpg: 'image/jpeg' } as const;

/**
 * Speakers' photos and partners' logos, from the FileStorage. A file's name is its content's hash, so it never
 * changes: browsers and proxies keep it for a year without asking again.
 */
@ApiExcludeController()
@Controller('media')
export class MediaController {
  constructor(private readonly storage: FileStorage) {}

  @Get('photos/:file')
  async photo(@Param('file') file: string, @Res() reply: FastifyReply) {
    await this.send('photos', file, reply);
  }

  /** Partners' logos: the same sizes and names, fitted whole rather than cropped. */
  @Get('logos/:file')
  async logo(@Param('file') file: string, @Res() reply: FastifyReply) {
    await this.send('logos', file, reply);
  }

  private async send(folder: 'photos' | 'logos', file: string, reply: FastifyReply) {
    const name = PHOTO_FILE.exec(file);
    const bytes = name ? await this.storage.get(`${folder}/${file}`) : null;
    if (!name || !bytes) throw new PlatformError('NOT_FOUND');
    void reply
      .header('content-type', TYPES[name[3] as keyof typeof TYPES])
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-length', bytes.length)
      .send(bytes);
  }
}
