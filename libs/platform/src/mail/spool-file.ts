import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * The file transports' (mail, SMS) one way to keep a message: a new file `<now>-<name>` in `dir`
 * (made if need be), written then renamed so that a reader never sees half a message. Answers its path.
 */
export async function writeSpoolFile(dir: string, name: string, content: string | Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}`);
  await writeFile(file + '.tmp', content);
  await rename(file + '.tmp', file);
  return file;
}
