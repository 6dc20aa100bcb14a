import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Where uploaded files live (speaker photos). Keys are short relative names (`photos/ab12….webp`)
 * chosen by the caller from the content's hash, so a file is written once and never changes:
 * it can be served with an immutable cache. The filesystem under DATA_DIR today; an
 * S3-compatible store can implement the same two methods later.
 */
export abstract class FileStorage {
  /** Stores the bytes under the key (replacing nothing a reader could see half-written). */
  abstract put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes under the key, or null when there are none (or the key is not one this storage accepts). */
  abstract get(key: string): Promise<Buffer | null>;
}

/** A key: folders and names of letters, digits, `-`, `_` and one dot-extension; never `..`, never absolute. */
const KEY = /^(?:[a-z0-9_-]+\/)*[a-z0-9_-]+\.[a-z0-9]+$/;

export function isStorageKey(key: string): boolean {
  return key.length <= 200 && KEY.test(key);
}

/** FileStorage on the local disk, under one root (`$DATA_DIR/media`). */
export class LocalFileStorage extends FileStorage {
  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    if (!target) throw new Error(`not a storage key: ${key}`);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // Written aside, then renamed: a reader sees the whole file or none.
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, target);
  }

  async get(key: string): Promise<Buffer | null> {
    const target = this.pathOf(key);
    if (!target) return null;
    try {
      return await readFile(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private pathOf(key: string): string | null {
    return isStorageKey(key) ? path.join(this.root, ...key.split('/')) : null;
  }
}
