import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { EmbeddedPostgres, runMigrations, typeormOptions } from '@palabre/platform';

const ROOT = path.resolve(__dirname, '../../..');
const MIGRATIONS_DIR = path.join(ROOT, 'libs/platform/src/database/migrations');
const SNAPSHOT_DIR = path.join(ROOT, 'var/test');

/** Changes whenever a migration is added or edited, so a stale starting point is never reused. */
function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) h.update(f).update(readFileSync(path.join(MIGRATIONS_DIR, f)));
  return h.digest('hex').slice(0, 12);
}

export function testDatabaseServer(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

function templateName(): string {
  return `palabre_tpl_${migrationsHash()}`;
}

function snapshotFile(): string {
  return path.join(SNAPSHOT_DIR, `snapshot-${migrationsHash()}.tar.gz`);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function migrate(url: string): Promise<void> {
  const ds = new DataSource(typeormOptions(url, 2));
  await ds.initialize();
  try {
    await runMigrations(ds, { log: () => undefined } as never);
  } finally {
    await ds.destroy();
  }
}

/** Builds the snapshot or template once; later runs reuse it while the migrations are unchanged. */
export async function prepareTestDatabases(): Promise<string> {
  const server = testDatabaseServer();
  if (server) {
    const name = templateName();
    const admin = new Client({ connectionString: server });
    await admin.connect();
    try {
      await admin.query('SELECT pg_advisory_lock(72407313)');
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`CREATE DATABASE "${name}_building"`).catch(async () => {
          await admin.query(`DROP DATABASE IF EXISTS "${name}_building"`);
          await admin.query(`CREATE DATABASE "${name}_building"`);
        });
        await migrate(withDatabase(server, `${name}_building`));
        await admin.query(`ALTER DATABASE "${name}_building" RENAME TO "${name}"`);
        await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true`);
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(72407313)').catch(() => undefined);
      await admin.end();
    }
    return `template database ${name} on ${new URL(server).host}`;
  }
  const file = snapshotFile();
  if (!existsSync(file)) {
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    const pg = await EmbeddedPostgres.start();
    try {
      await migrate(pg.url);
      const blob = await pg.dump();
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
      renameSync(tmp, file);
    } finally {
      await pg.stop();
    }
  }
  return `embedded snapshot ${path.relative(ROOT, file)}`;
}

/** One statement on the server (`server`'s URL) over a connection of its own, closed after it: CREATE and DROP DATABASE. */
export async function runOnServer(server: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: server });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

export interface TestDatabase {
  url: string;
  kind: 'embedded' | 'server';
  close(): Promise<void>;
}

/**
 * A database of its own for one test file, already migrated: a PGlite started from the
 * snapshot, or a database cloned from the template on TEST_DATABASE_URL.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = testDatabaseServer();
  if (server) {
    const name = `palabre_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await runOnServer(server, `CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`);
    return {
      url: withDatabase(server, name),
      kind: 'server',
      close: () => runOnServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const file = snapshotFile();
  if (!existsSync(file)) await prepareTestDatabases();
  const pg = await EmbeddedPostgres.start({ loadFrom: new Blob([readFileSync(file)]), maxConnections: 64 });
  return { url: pg.url, kind: 'embedded', close: () => pg.stop() };
}
