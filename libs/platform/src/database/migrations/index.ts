import { readdirSync } from 'node:fs';
import type { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/**
 * Every migration file in this folder (`<timestamp>-<Name>.ts`), in timestamp order.
 * Read from the folder so that two branches adding migrations never collide on a list.
 */
function loadMigrations(): MigrationClass[] {
  return readdirSync(__dirname)
    .filter((f) => /^\d{13}-[\w-]+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
    .flatMap((f) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- migrations are discovered at run time by design
      const mod = require(`./${f}`) as Record<string, unknown>;
      return Object.values(mod).filter((v): v is MigrationClass => typeof v === 'function');
    });
}

export const MIGRATIONS = loadMigrations();
