import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isStorageKey, LocalFileStorage } from './file-storage';

describe('LocalFileStorage', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'palabre-storage-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives back what it stored, and null for an unknown key', async () => {
    const storage = new LocalFileStorage(root);
    await storage.put('photos/abc-96.webp', Buffer.from('image'));
    expect((await storage.get('photos/abc-96.webp'))?.toString()).toBe('image');
    expect(await storage.get('photos/other-96.webp')).toBeNull();
  });

  it.each(['../secret.txt', '/etc/passwd', 'photos/../../x.jpg', 'photos/a b.jpg', 'photos/', 'noext', 'PHOTOS/A.JPG'])('refuses the key %p', async (key) => {
    expect(isStorageKey(key)).toBe(false);
    const storage = new LocalFileStorage(root);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow('not a storage key');
  });
});
