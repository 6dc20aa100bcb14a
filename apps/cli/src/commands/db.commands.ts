import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { EmbeddedPostgres, runMigrations, schemaDrift, typeormOptions } from '@palabre/platform';
import { appCommand, CliCommand } from './command';

/** Every entity of every lib, found by file name, so the drift check cannot miss one. */
const ENTITY_GLOB = path.resolve(__dirname, '../../../../libs/*/src/**/*.entity.{ts,js}');
/** The source folder (db:generate is a developer's command, run from the repository root). */
const MIGRATIONS_DIR = path.resolve(process.cwd(), 'libs/platform/src/database/migrations');

/** A fresh in-memory PostgreSQL migrated to the checked-in migrations, with every entity loaded. */
async function withFreshSchema<T>(work: (ds: DataSource) => Promise<T>): Promise<T> {
  const pg = await EmbeddedPostgres.start();
  const ds = new DataSource({ ...typeormOptions(pg.url, 2), entities: [ENTITY_GLOB] });
  try {
    await ds.initialize();
    await runMigrations(ds);
    return await work(ds);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await pg.stop();
  }
}

export const migrateCommand = appCommand('db:migrate', 'Apply pending migrations (under an advisory lock).', async () => 'migrations: up to date');

export const checkCommand: CliCommand = {
  name: 'db:check',
  usage: 'db:check',
  description: 'Fail when the entities need a migration that is not checked in (drift).',
  async run(ctx) {
    const drift = await withFreshSchema(schemaDrift);
    if (drift.length === 0) {
      ctx.out('db:check: the migrations match the entities');
      return 0;
    }
    ctx.out('db:check: the entities need a migration that is not checked in. Run `npm run db:generate -- <Name>`. Missing SQL:');
    for (const q of drift) ctx.out(`  ${q};`);
    return 1;
  },
};

export const generateCommand: CliCommand = {
  name: 'db:generate',
  usage: 'db:generate <Name>',
  description: 'Write a migration with the SQL that brings the schema to the entities.',
  async run(ctx) {
    const name = ctx.positionals[0];
    if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
      ctx.out('usage: db:generate <PascalCaseName>');
      return 2;
    }
    const { up, down } = await withFreshSchema(async (ds) => {
      const log = await ds.driver.createSchemaBuilder().log();
      return { up: log.upQueries, down: log.downQueries.reverse() };
    });
    if (up.length === 0) {
      ctx.out('db:generate: nothing to do, the migrations match the entities');
      return 0;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const statement = (s: { query: string; parameters?: unknown[] }) =>
      s.parameters?.length ? JSON.stringify({ query: s.query, parameters: s.parameters }) : JSON.stringify(s.query);
    const sql = (queries: { query: string; parameters?: unknown[] }[]) => queries.map((s) => `    ${statement(s)},\n`).join('');
    const file = path.join(MIGRATIONS_DIR, `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import { SqlMigration } from '../sql-migration';\n\nexport class ${className} extends SqlMigration {\n  name = '${className}';\n\n  upSql = [\n${sql(up)}  ];\n\n  downSql = [\n${sql(down)}  ];\n}\n`,
    );
    ctx.out(`db:generate: wrote ${path.relative(process.cwd(), file)} — review it before committing`);
    return 0;
  },
};
