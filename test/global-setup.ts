import { prepareTestDatabases } from '../libs/testing/src/test-database';

/**
 * Runs once per `npm test`: builds the migrated starting point every test file's database
 * is made from — a PGlite snapshot (embedded) or a template database (TEST_DATABASE_URL).
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const where = await prepareTestDatabases();
  process.stdout.write(`\n[palabre] test databases from ${where} (${Date.now() - started} ms)\n`);
}
