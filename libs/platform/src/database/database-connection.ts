import * as path from 'node:path';
import { AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';

/** A PostgreSQL to talk to: the configured server, or the embedded one, and how to let go of it. */
export interface DatabaseConnection {
  url: string;
  kind: 'server' | 'embedded' | 'embedded-shared';
  close(): Promise<void>;
}

export function embeddedDataDir(config: AppConfig): string {
  return path.join(config.dataDir, 'pgdata');
}

/**
 * With DATABASE_URL: that server. Without: the embedded PostgreSQL under DATA_DIR — started
 * here, or, when another process (the running api) already serves it, reached through that
 * process's socket, since two processes must never open one data directory.
 */
export async function openDatabase(config: AppConfig, options: { advertise?: boolean } = {}): Promise<DatabaseConnection> {
  if (config.databaseUrl) return { url: config.databaseUrl, kind: 'server', close: async () => undefined };
  const dataDir = embeddedDataDir(config);
  const running = await EmbeddedPostgres.findRunning(dataDir);
  if (running) return { url: running.url, kind: 'embedded-shared', close: async () => undefined };
  const embedded = await EmbeddedPostgres.start({
    dataDir,
    maxConnections: config.databasePoolSize + 16,
    advertise: options.advertise ?? true,
    idleTimeoutMs: config.embeddedIdleTimeoutMs,
  });
  return { url: embedded.url, kind: 'embedded', close: () => embedded.stop() };
}
