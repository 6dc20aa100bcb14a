import { DataSource } from 'typeorm';
import { Clock, Job, ScheduledJob, DAY_MS } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { RegistrationSms } from './registration-sms';

export const SMS_REMINDERS_JOB = 'sms-reminders';

/**
 * The day before an event, its confirmed participants without email get a reminder by SMS
 * (when, where, the ticket's link): once each (the outbox's dedupe key), counted against the
 * SMS limits and budget like any text. Runs every hour; a registration confirmed later the same
 * day still gets it, one confirmed once the event has started does not.
 */
@Job(SMS_REMINDERS_JOB, { intervalMs: 60 * 60_000 })
export class SmsReminders extends ScheduledJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsRepository,
    private readonly events: EventsService,
    private readonly sms: RegistrationSms,
    private readonly clock: Clock,
  ) {
    super();
  }

  async tick(): Promise<number> {
    const now = this.clock.now();
    let queued = 0;
    for (const eventId of await this.registrations.eventsWithTexters()) {
      const event = await this.events.getById(eventId);
      // Within a day of its start, and not started yet.
      if (event.startsAt <= now || event.startsAt.getTime() - now.getTime() > DAY_MS) continue;
      const ids = await this.registrations.textersToRemind(eventId);
      for (const id of ids) {
        await this.dataSource.transaction(async (manager) => {
          const r = await this.registrations.findById(id, manager, true);
          if (r?.status !== 'confirmed') return;
          const sent = await this.sms.sendReminder(manager, r, event);
          // Tried once, whatever came of it (a limit may refuse it): the next run moves on.
          await this.registrations.record(manager, {
            organizationId: r.organizationId,
            registrationId: r.id,
            at: now,
            action: 'sms-reminder',
            actor: 'system',
            details: { queued: sent },
          });
          if (sent) queued++;
        });
      }
    }
    return queued;
  }
}
