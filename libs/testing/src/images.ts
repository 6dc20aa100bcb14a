import sharp from 'sharp';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Images for upload tests: a real photo with GPS in its EXIF, and what must be refused by
 * content — an SVG, a PDF (whatever its name), a PNG whose header claims a billion pixels.
 */

/** A JPEG photo (gradient, 1200×900) carrying an EXIF block with a GPS position and a camera name. */
export async function aJpegWithGps(width = 1200, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 90, b: 40 } } })
    .composite([
      { input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#1d6f42"/></svg>`) },
    ])
    .withExif({
      IFD0: { Make: 'SecretCam', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '12/1 39/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '8/1 0/1 0/1' },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function aPng(width = 400, height = 400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 60, b: 200, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

export async function aWebp(width = 500, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 250, g: 200, b: 0 } } })
    .webp()
    .toBuffer();
}

export function anSvg(): Buffer {
  return Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100"/></svg>');
}

/** The first bytes of a PDF, as a file renamed `photo.jpg` would carry them. */
export function aPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid PNG of a few hundred bytes whose header says 30,000 × 30,000
 * pixels (900 megapixels, gigabytes once decoded); its data is a few rows of zeros.
 */
export function aPixelBomb(side = 30_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc((side + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Bytes that start like a JPEG and are `size` long (for size limits; not a readable image). */
export function aHeavyJpeg(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  bytes[2] = 0xff;
  return bytes;
}
