import { DataSource } from 'typeorm';
import { Job, Clock, ScheduledJob } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { Workshops } from '../workshops/workshops';
import { ParticipantRegistrations } from './participant-registrations.service';
import { RegistrationsRepository } from './registrations.repository';

export const EXPIRE_HOLDS_JOB = 'registration-holds';
const BATCH = 100;

/**
 * Rule 5: a pending registration not confirmed within `holdHours` expires; its seat goes to
 * the head of the waiting list in the same transaction, and both people are told by email.
 */
@Job(EXPIRE_HOLDS_JOB, { intervalMs: 60_000 })
export class ExpireHolds extends ScheduledJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsRepository,
    private readonly participants: ParticipantRegistrations,
    private readonly events: EventsService,
    private readonly workshops: Workshops,
    private readonly clock: Clock,
  ) {
    super();
  }

  async tick(): Promise<number> {
    const ids = await this.registrations.expiredHolds(this.clock.now(), BATCH);
    for (const id of ids) {
      const first = await this.registrations.findById(id);
      if (!first) continue;
      const event = await this.events.getById(first.eventId);
      const workshops = await this.workshops.workshops(first.eventId);
      await this.dataSource.transaction(async (manager) => {
        const r = await this.registrations.findById(id, manager, true);
        const now = this.clock.now();
        // Confirmed or cancelled meanwhile: nothing to expire.
        if (!r || r.status !== 'pending' || !r.holdExpiresAt || r.holdExpiresAt > now) return;
        await this.participants.cancelLocked(manager, r, event, now, workshops, 'system', { expired: true, silent: !r.holdsSeat });
      });
    }
    return ids.length;
  }
}
