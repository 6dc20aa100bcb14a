import { OutboxDelivery } from '@palabre/notifications';
import { CliCommand } from './command';

export const outboxDrainCommand: CliCommand = {
  name: 'outbox:drain',
  usage: 'outbox:drain',
  description: 'Send the mail that is due now, then exit (failures wait for their retry).',
  async run(ctx) {
    const app = await ctx.app();
    const { sent, retried, failed } = await app.get(OutboxDelivery).drain();
    ctx.out(`outbox:drain: ${sent} sent, ${retried} to retry later, ${failed} failed`);
    return 0;
  },
};
