import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '@palabre/platform';

/** Where the key lives when CERTIFICATE_SECRET is not set. */
export const CERTIFICATE_KEY_FILE = 'certificate.key';

/**
 * The key certificates of attendance are signed with: derived from CERTIFICATE_SECRET, or
 * else from a random secret made once in DATA_DIR (mode 0600) and read back at every start,
 * so a certificate printed today still verifies after a restart. Every api process that
 * verifies must share it: several machines set CERTIFICATE_SECRET.
 */
@Injectable()
export class CertificateKey {
  private key?: Buffer;

  constructor(private readonly config: AppConfig) {}

  get(): Buffer {
    this.key ??= createHmac('sha256', this.config.certificateSecret ?? keptSecret(this.config.dataDir))
      .update('palabre certificates of attendance v1')
      .digest();
    return this.key;
  }
}

function keptSecret(dir: string): string {
  const file = path.join(dir, CERTIFICATE_KEY_FILE);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // `wx`: two processes starting at once keep the first one's secret.
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret: delete it, or set CERTIFICATE_SECRET`);
  return secret;
}
