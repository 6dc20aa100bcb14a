import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { prepareTestDatabases } from '../libs/testing/src/test-database';

/**
 * Runs once per `npm test`: compiles dist/ (changed files only) and builds the migrated starting point every test file's database
 * is made from — a PGlite snapshot (embedded) or a template database (TEST_DATABASE_URL).
 */
export default async function globalSetup(): Promise<void> {
  // The process tests run dist/ as production does: build it once here, before any worker starts.
  execFileSync(process.execPath, [path.join(__dirname, '../scripts/build.js'), '--quiet'], { stdio: 'inherit' });
  const started = Date.now();
  const where = await prepareTestDatabases();
  process.stdout.write(`\n[palabre] test databases from ${where} (${Date.now() - started} ms)\n`);
}
