import { DemoSeeder } from '@palabre/demo';
import { appCommand } from './command';

export const seedDemoCommand = appCommand('seed:demo', 'Seed the demo forum into an empty database.', async (app) =>
  (await app.get(DemoSeeder).seedIfEmpty()) ? 'seed:demo: demo forum seeded' : 'seed:demo: the database already has data; nothing seeded',
);
