import { OutboxDelivery } from '@palabre/notifications';
import { appCommand } from './command';

export const outboxDrainCommand = appCommand('outbox:drain', 'Send the mail that is due now, then exit (failures wait for their retry).', async (app) => {
  const { sent, retried, failed } = await app.get(OutboxDelivery).drain();
  return `outbox:drain: ${sent} sent, ${retried} to retry later, ${failed} failed`;
});
