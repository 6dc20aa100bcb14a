import { AppConfig, ConfigError, loadConfig } from '../config/app-config';
import { DatabaseConnection, openDatabase } from '../database/database-connection';

/** A started process: what it says when a signal stops it, and how it closes (its database closes after). */
export interface RunningProcess {
  closing: string;
  close(): Promise<void>;
}

/**
 * Runs a Palabre process (the API, the worker): reads the configuration (a readable refusal when it
 * is wrong), opens the database, `start`s, and on SIGTERM or SIGINT closes once, the database last.
 * `name` opens its messages ("Palabre cannot start.", "Palabre worker failed: …").
 */
export function runProcess(name: string, failed: string, start: (config: AppConfig, database: DatabaseConnection) => Promise<RunningProcess>): void {
  const main = async () => {
    let config: AppConfig;
    try {
      config = loadConfig();
    } catch (error) {
      if (error instanceof ConfigError) {
        process.stderr.write(`${name} cannot start.\n${error.message}\n`);
        process.exit(1);
      }
      throw error;
    }
    const database = await openDatabase(config);
    const running = await start(config, database);
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      process.stdout.write(`${signal}: ${running.closing}\n`);
      await running.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
  };
  main().catch((error: unknown) => {
    process.stderr.write(`${name} ${failed}: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}
