import sharp from 'sharp';
import { aHeavyJpeg, aJpegWithGps, anSvg, aPdf, aPixelBomb, aPng, aWebp } from '@palabre/testing';
import { PHOTO_MAX_BYTES, processPhoto, sniffImageType } from './speaker-photo';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { code?: string; definition?: { status: number } }) => `${e.definition?.status} ${e.code}`,
  );

describe('processPhoto', () => {
  it('makes square WebP and JPEG files at 96, 320 and 640 px, named by the content hash, without EXIF or GPS', async () => {
    const original = await aJpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const { photo, files } = await processPhoto(original);
    expect(photo.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(photo.sizes).toEqual([
      { size: 96, width: 96, height: 96 },
      { size: 320, width: 320, height: 320 },
      { size: 640, width: 640, height: 640 },
    ]);
    expect([...files.keys()].sort()).toEqual([96, 320, 640].flatMap((s) => [`photos/${photo.hash}-${s}.jpg`, `photos/${photo.hash}-${s}.webp`]).sort());
    for (const [key, bytes] of files) {
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe(key.endsWith('.webp') ? 'webp' : 'jpeg');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(bytes.includes(Buffer.from('SecretCam'))).toBe(false);
    }
    // The same photo twice: the same names.
    expect((await processPhoto(original)).photo.hash).toBe(photo.hash);
  });

  it('never enlarges a small photo', async () => {
    const { photo } = await processPhoto(await aWebp(200, 150));
    expect(photo.sizes.map((s) => [s.size, s.width, s.height])).toEqual([
      [96, 96, 96],
      [320, 150, 150],
      [640, 150, 150],
    ]);
  });

  it('accepts PNG (flattened for JPEG) and WebP', async () => {
    expect(await codeOf(processPhoto(await aPng()))).toBe('accepted');
    expect(await codeOf(processPhoto(await aWebp()))).toBe('accepted');
  });

  it.each([
    ['an SVG', () => anSvg(), '415 PHOTO_TYPE_UNSUPPORTED'],
    ['a PDF', () => aPdf(), '415 PHOTO_TYPE_UNSUPPORTED'],
    ['a JPEG header over garbage', () => aHeavyJpeg(10_000), '415 PHOTO_TYPE_UNSUPPORTED'],
    ['nothing', () => Buffer.alloc(0), '415 PHOTO_TYPE_UNSUPPORTED'],
    ['a PNG header claiming 900 megapixels', () => aPixelBomb(), '413 PHOTO_TOO_MANY_PIXELS'],
    ['more than 5 MB', () => aHeavyJpeg(PHOTO_MAX_BYTES + 1), '413 PHOTO_TOO_LARGE'],
  ])('refuses %s', async (_name, bytes, expected) => {
    expect(await codeOf(processPhoto(bytes()))).toBe(expected);
  });

  it('recognises JPEG, PNG and WebP by their first bytes only', async () => {
    expect(sniffImageType(await aJpegWithGps(50, 50))).toBe('jpeg');
    expect(sniffImageType(await aPng(10, 10))).toBe('png');
    expect(sniffImageType(await aWebp(10, 10))).toBe('webp');
    expect(sniffImageType(anSvg())).toBeNull();
    expect(sniffImageType(aPdf())).toBeNull();
  });
});
