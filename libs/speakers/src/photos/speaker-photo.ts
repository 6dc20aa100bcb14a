import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { SpeakerError } from '../speakers/speaker.errors';

/** The largest photo accepted, in bytes. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** The most pixels an upload may decode to (a 50 MP phone photo passes; a decompression bomb does not). */
export const PHOTO_MAX_PIXELS = 50_000_000;
/** The square sizes a photo is served at (CSS pixels ×1 and ×2 of the pages' avatars). */
export const PHOTO_SIZES = [96, 320, 640] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];
export const PHOTO_FORMATS = ['webp', 'jpg'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

/** A stored photo: its content hash names its files; each size as it came out (a small original is not enlarged). */
export interface SpeakerPhoto {
  hash: string;
  sizes: { size: PhotoSize; width: number; height: number }[];
}

export interface ProcessedPhoto {
  photo: SpeakerPhoto;
  /** Storage key → bytes, every size in every format. */
  files: Map<string, Buffer>;
}

type ImageType = 'jpeg' | 'png' | 'webp';

/** The type the first bytes announce; only JPEG, PNG and WebP are known. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

/** How an upload becomes its stored images: a speaker's photo (cropped square), or a logo (whole, in a square). */
export interface ImageKind {
  /** The storage folder and the public path's (`/media/{folder}/…`). */
  folder: 'photos' | 'logos';
  /** `cover`: cropped to a square on what draws the eye; `contain`: the whole image inside the square. */
  fit: 'cover' | 'contain';
  /** The form field a refusal names. */
  field: string;
}

export const SPEAKER_PHOTO: ImageKind = { folder: 'photos', fit: 'cover', field: 'photo' };
export const ORGANIZATION_LOGO: ImageKind = { folder: 'logos', fit: 'contain', field: 'logo' };

/** The storage key of one size in one format. */
export function photoKey(hash: string, size: PhotoSize, format: PhotoFormat, folder: ImageKind['folder'] = 'photos'): string {
  return `${folder}/${hash}-${size}.${format}`;
}

/** The public path of one size in one format (served by the api with an immutable cache). */
export function photoPath(hash: string, size: PhotoSize, format: PhotoFormat, folder: ImageKind['folder'] = 'photos'): string {
  return `/media/${photoKey(hash, size, format, folder)}`;
}

const unsupported = (field: string) =>
  new SpeakerError('PHOTO_TYPE_UNSUPPORTED', {}, [{ field, message: { fr: 'JPEG, PNG ou WebP attendu.', en: 'JPEG, PNG or WebP expected.' } }]);

/**
 * Checks an uploaded photo by its content (never its name or declared type) and makes the
 * sizes the pages show: square, centred on what draws the eye, oriented as shot, with every
 * metadata block (EXIF, GPS, XMP, comments) left out. Refusals: PHOTO_TOO_LARGE (413) past
 * 5 MB, PHOTO_TOO_MANY_PIXELS (413) past 50 megapixels — read from the header, before any
 * decoding, so a decompression bomb costs nothing —, PHOTO_TYPE_UNSUPPORTED (415) for
 * anything that is not a readable JPEG, PNG or WebP (an SVG, a PDF renamed .jpg…).
 */
export async function processPhoto(bytes: Buffer, kind: ImageKind = SPEAKER_PHOTO): Promise<ProcessedPhoto> {
  const { field } = kind;
  if (bytes.length > PHOTO_MAX_BYTES) {
    throw new SpeakerError('PHOTO_TOO_LARGE', {}, [{ field, message: { fr: '5 Mo au plus.', en: '5 MB at most.' } }]);
  }
  const type = sniffImageType(bytes);
  if (!type) throw unsupported(field);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw unsupported(field);
  }
  if (meta.format !== type || !meta.width || !meta.height) throw unsupported(field);
  if (meta.width * meta.height > PHOTO_MAX_PIXELS) {
    throw new SpeakerError('PHOTO_TOO_MANY_PIXELS', { maxMegapixels: PHOTO_MAX_PIXELS / 1_000_000 }, [
      { field, message: { fr: `${PHOTO_MAX_PIXELS / 1_000_000} mégapixels au plus.`, en: `${PHOTO_MAX_PIXELS / 1_000_000} megapixels at most.` } },
    ]);
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const files = new Map<string, Buffer>();
  const sizes: SpeakerPhoto['sizes'] = [];
  try {
    // The first frame of an animation; the pixel limit holds while decoding too.
    const source = sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error', pages: 1 }).rotate();
    const shorterSide = Math.min(meta.width, meta.height);
    for (const size of PHOTO_SIZES) {
      // Square, and never larger than the original's shorter side.
      const side = Math.min(size, shorterSide);
      const square =
        kind.fit === 'cover'
          ? source.clone().resize({ width: side, height: side, fit: 'cover', position: sharp.strategy.attention })
          : source.clone().resize({ width: size, height: size, fit: 'contain', background: { r: 255, g: 255, b: 255, alpha: 0 }, withoutEnlargement: true });
      const webp = await square.clone().webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      const jpeg = await square.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
      files.set(photoKey(hash, size, 'webp', kind.folder), webp.data);
      files.set(photoKey(hash, size, 'jpg', kind.folder), jpeg);
      sizes.push({ size, width: webp.info.width, height: webp.info.height });
    }
  } catch {
    // A header that reads but a body that does not: not an image we can show.
    throw unsupported(field);
  }
  return { photo: { hash, sizes }, files };
}
