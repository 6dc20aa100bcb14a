import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Static files served under /assets with a content hash in the URL, so they cache forever. */
export interface Asset {
  body: Buffer;
  contentType: string;
  url: string;
}

const ASSET_DIR = path.join(__dirname, 'assets');
const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };

function load(file: string, from = ASSET_DIR): Asset {
  const body = readFileSync(path.join(from, file));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const ext = path.extname(file);
  return { body, contentType: TYPES[ext] ?? 'application/octet-stream', url: `/assets/${path.basename(file, ext)}.${hash}${ext}` };
}

const registry = new Map<string, Asset>();

/** Registers an asset file that lives in libs/platform/src/views/assets. */
export function asset(file: string): string {
  const a = load(file);
  registry.set(a.url, a);
  return a.url;
}

/** Registers a browser file shipped by an npm package (e.g. `jsqr/dist/jsQR.js`), served like ours. */
export function packageAsset(file: string): string {
  const resolved = require.resolve(file);
  const a = load(path.basename(resolved), path.dirname(resolved));
  registry.set(a.url, a);
  return a.url;
}

export function findAsset(url: string): Asset | undefined {
  return registry.get(url.split('?')[0]);
}

export const ASSETS = {
  css: asset('app.css'),
};
