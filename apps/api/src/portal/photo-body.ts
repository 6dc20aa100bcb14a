import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest, RawServerDefault } from 'fastify';
import { byClientIp, PlatformError, RateLimitRule } from '@palabre/platform';
import { PHOTO_MAX_BYTES } from '@palabre/speakers';

/** The routes that take a photo: the API's raw body and the portal page's form (multipart). */
export const PHOTO_ROUTES = new Set([
  '/api/v1/me/speaker-profile/photo',
  '/intervenant/photo',
  // A partner's logo goes the same way (libs/partners, through the speakers' image path).
  '/api/v1/organizations/:orgSlug/partnerships/:slug/logo',
  '/admin/o/:orgSlug/partenariats/:slug/logo',
]);

/**
 * A photo's route reads up to this much, so that a photo a little over 5 MB is refused by the
 * photo's own rule (413 naming the field) rather than by the transport; past it, Fastify
 * stops reading and answers 413 too.
 */
export const PHOTO_BODY_LIMIT = PHOTO_MAX_BYTES + 3 * 1024 * 1024;

/** Each photo is decoded and resized (CPU for a second or so): a few dozen an hour per address is plenty for people, little for a flood. */
export const PHOTO_LIMITS: RateLimitRule[] = [{ name: 'speaker-photo:ip', limit: 30, windowSeconds: 3600, subject: byClientIp }];

/** A form posted with a file: its text fields, and the file's bytes under its field name. */
export type PhotoForm = Record<string, string | Buffer>;

/**
 * Bodies of the photo routes: the image's own bytes (any `image/*` or
 * `application/octet-stream`: the content decides, not the declared type), or a browser's
 * `multipart/form-data`, read with the platform's own FormData parser (undici, in Node) —
 * enough for one file and a few fields, without a multipart plugin. Elsewhere these types stay
 * refused (415), as before. A multipart form's `_csrf` field becomes the body's, so the
 * session's CSRF check reads it as it reads any form.
 */
export function usePhotoBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (PHOTO_ROUTES.has(route.url)) route.bodyLimit = PHOTO_BODY_LIMIT;
  });
  const forPhotos = (req: FastifyRequest) => PHOTO_ROUTES.has(req.routeOptions.url ?? '');
  // The photo routes' own bodyLimit (above) wins over the parsers' (the app's 1 MB) on those routes.
  for (const type of ['application/octet-stream', /^image\/[\w.+-]+$/]) {
    app.useBodyParser<RawServerDefault>(type, {}, (req, body, done) => {
      if (!forPhotos(req)) return done(new PlatformError('UNSUPPORTED_MEDIA_TYPE'));
      done(null, body);
    });
  }
  app.useBodyParser<RawServerDefault>('multipart/form-data', {}, (req, body, done) => {
    if (!forPhotos(req)) return done(new PlatformError('UNSUPPORTED_MEDIA_TYPE'));
    readMultipart(String(req.headers['content-type']), body).then(
      (form) => done(null, form),
      (error: unknown) => done(error as Error),
    );
  });
}

async function readMultipart(contentType: string, body: Buffer): Promise<PhotoForm> {
  let parsed: FormData;
  try {
    parsed = await new Response(body as unknown as BodyInit, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new PlatformError('VALIDATION_FAILED', {}, [{ field: 'body', message: { fr: 'Formulaire illisible.', en: 'Unreadable form.' } }]);
  }
  const form = Object.create(null) as PhotoForm;
  // (The DOM's FormData type, as @types/node declares it, has no iterator: forEach collects.)
  const entries: [string, FormDataEntryValue][] = [];
  parsed.forEach((value, name) => entries.push([name, value]));
  for (const [name, value] of entries) {
    if (name in form) continue;
    form[name] = typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer());
  }
  return form;
}

/** The image of a photo route's body: the raw bytes, or a form's file (`photo`, or a logo's `logo`); anything else is no image (415). */
export function photoBytes(body: unknown, field = 'photo'): Buffer {
  if (Buffer.isBuffer(body)) return body;
  const file = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  return Buffer.isBuffer(file) ? file : Buffer.alloc(0);
}
