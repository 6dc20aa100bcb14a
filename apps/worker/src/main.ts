import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { createPino, JobRunner, PinoNestLogger, runMigrations, runProcess } from '@palabre/platform';
import { WorkerModule } from './worker.module';

/** The worker: runs the background jobs (outbox delivery, hold expiry, reminders) until SIGTERM. */
runProcess('Palabre worker', 'failed', async (config, database) => {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, databaseUrl: database.url, shared: database.kind === 'server' }), {
    logger: new PinoNestLogger(createPino(config, 'palabre-worker')),
  });
  await runMigrations(app.get(DataSource));
  await app.init();
  const runner = app.get(JobRunner);
  runner.start();
  process.stdout.write(`Palabre worker running (${runner.list().join(', ') || 'no jobs'})\n`);
  return {
    closing: 'finishing the current batch',
    close: async () => {
      await runner.stop();
      await app.close();
    },
  };
});
