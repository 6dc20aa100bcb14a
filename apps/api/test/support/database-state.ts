import { DataSource } from 'typeorm';
import { TestApp } from './test-app';

/** What changes on any request: the abuse counters (refused requests count too), a token's or a session's last use. */
export interface Volatile {
  tables: readonly string[];
  columns: readonly string[];
}

/**
 * What every table holds, one digest per table (rows hashed and sorted, so order does not
 * matter), to prove that a refused request stored nothing: compare the state before and after.
 * `volatile` tables and columns are left out.
 */
export async function databaseState(t: TestApp, volatile: Volatile): Promise<Map<string, string>> {
  const ds = t.app.get(DataSource);
  const tables = (await ds.query<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`))
    .map((r) => r.name)
    .filter((name) => !volatile.tables.includes(name));
  const row = `md5((to_jsonb(x) - $1::text[])::text)`;
  const digests = tables.map((name) => `SELECT '${name}' AS name, md5(coalesce(string_agg(${row}, ',' ORDER BY ${row}), '')) AS digest FROM "${name}" x`);
  const rows = await ds.query<{ name: string; digest: string }[]>(digests.join(' UNION ALL '), [volatile.columns]);
  return new Map(rows.map((r) => [r.name, r.digest]));
}

/** The tables whose rows differ between two states. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name));
}
