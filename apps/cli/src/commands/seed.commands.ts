import { DemoSeeder } from '@palabre/demo';
import { CliCommand } from './command';

export const seedDemoCommand: CliCommand = {
  name: 'seed:demo',
  usage: 'seed:demo',
  description: 'Seed the demo forum into an empty database.',
  async run(ctx) {
    const app = await ctx.app();
    const seeded = await app.get(DemoSeeder).seedIfEmpty();
    ctx.out(seeded ? 'seed:demo: demo forum seeded' : 'seed:demo: the database already has data; nothing seeded');
    return 0;
  },
};
