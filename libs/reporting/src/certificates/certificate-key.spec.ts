import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '@palabre/platform';
import { CERTIFICATE_KEY_FILE, CertificateKey } from './certificate-key';

describe('the key certificates are signed with', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'palabre-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const keyOf = (env: Record<string, string> = {}) => new CertificateKey(loadConfig({ DATA_DIR: dir, ...env })).get();

  it('without CERTIFICATE_SECRET, is drawn once at random into DATA_DIR (owner only) and read back after a restart', () => {
    const first = keyOf();
    const file = path.join(dir, CERTIFICATE_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThanOrEqual(32);
    expect(keyOf().equals(first)).toBe(true);
    rmSync(file);
    expect(keyOf().equals(first)).toBe(false); // another installation, another key
  });

  it('comes from CERTIFICATE_SECRET when set, the same in every process, and writes nothing', () => {
    const secret = 'un-secret-partagé-par-tous-les-processus-api';
    expect(keyOf({ CERTIFICATE_SECRET: secret }).equals(keyOf({ CERTIFICATE_SECRET: secret }))).toBe(true);
    expect(() => statSync(path.join(dir, CERTIFICATE_KEY_FILE))).toThrow();
    expect(() => loadConfig({ CERTIFICATE_SECRET: 'trop-court' })).toThrow(/CERTIFICATE_SECRET/);
  });

  it('refuses a kept file that holds no usable secret rather than sign with it', () => {
    writeFileSync(path.join(dir, CERTIFICATE_KEY_FILE), 'x');
    expect(() => keyOf()).toThrow(/certificate\.key/);
  });
});
