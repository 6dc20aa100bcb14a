import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { MIGRATIONS } from './migrations';

/** The one set of TypeORM options, for the app, the CLI and the tests. Never `synchronize`. */
export function typeormOptions(url: string, poolSize: number, poolTimeoutMs = 5_000): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error'],
    extra: {
      max: poolSize,
      // The wait for a connection, in the pool's queue or while connecting: past it the request
      // fails with pg's "timeout exceeded when trying to connect", answered 503 (ProblemFilter).
      connectionTimeoutMillis: poolTimeoutMs,
      // A statement that runs this long is a bug or an outage; free the connection.
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
    },
  };
}
