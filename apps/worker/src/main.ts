import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigError, createPino, JobRunner, loadConfig, openDatabase, PinoNestLogger, runMigrations } from '@palabre/platform';
import { WorkerModule } from './worker.module';

/** The worker: runs the background jobs (outbox delivery, hold expiry, reminders) until SIGTERM. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Palabre worker cannot start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const database = await openDatabase(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, databaseUrl: database.url }), {
    logger: new PinoNestLogger(createPino(config, 'palabre-worker')),
  });
  await runMigrations(app.get(DataSource));
  await app.init();
  const runner = app.get(JobRunner);
  runner.start();
  process.stdout.write(`Palabre worker running (${runner.list().join(', ') || 'no jobs'})\n`);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal}: finishing the current batch\n`);
    await runner.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Palabre worker failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
