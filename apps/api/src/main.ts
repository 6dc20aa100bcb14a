import 'reflect-metadata';
import { JobRunner, runProcess } from '@palabre/platform';
import { createApi, prepareDatabase } from './bootstrap';

runProcess('Palabre', 'failed to start', async (config, database) => {
  const app = await createApi({ config, databaseUrl: database.url, shared: database.kind === 'server' });
  await prepareDatabase(app, config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  // One process is enough on a laptop: the worker's loops run here unless WORKER_IN_PROCESS=false.
  if (config.workerInProcess) app.get(JobRunner).start();
  process.stdout.write(`Palabre is listening on ${config.publicUrl}/ (database: ${database.kind})\n`);
  // Nest's own shutdown hooks are enabled too; this also stops the embedded database after the app.
  return {
    closing: 'closing',
    close: async () => {
      // Requests in flight get 10 s to finish; then their connections are cut so the process ends.
      const deadline = setTimeout(() => (app.getHttpServer() as { closeAllConnections?: () => void }).closeAllConnections?.(), 10_000);
      deadline.unref();
      await app.close();
    },
  };
});
