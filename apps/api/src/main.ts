import 'reflect-metadata';
import { ConfigError, JobRunner, loadConfig, openDatabase } from '@palabre/platform';
import { createApi, prepareDatabase } from './bootstrap';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Palabre cannot start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const database = await openDatabase(config);
  const app = await createApi({ config, databaseUrl: database.url });
  await prepareDatabase(app, config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  // One process is enough on a laptop: the worker's loops run here unless WORKER_IN_PROCESS=false.
  if (config.workerInProcess) app.get(JobRunner).start();
  process.stdout.write(`Palabre is listening on ${config.publicUrl}/ (database: ${database.kind})\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal}: closing\n`);
    // Requests in flight get 10 s to finish; then their connections are cut so the process ends.
    const deadline = setTimeout(() => (app.getHttpServer() as { closeAllConnections?: () => void }).closeAllConnections?.(), 10_000);
    deadline.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  // Nest's own shutdown hooks are enabled too; this also stops the embedded database after the app.
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Palabre failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
