import { DataSource } from 'typeorm';
import { Job, Clock, ScheduledJob } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { returned } from '../rows';
import { RegistrationMail } from '../registrations/registration-mail';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { SeatLedger } from '../seats/seat-ledger';
import { SignupsRepository } from '../workshops/signups.repository';
import { Workshop, Workshops } from '../workshops/workshops';

export const NO_SHOW_RELEASE_JOB = 'workshop-no-shows';

/**
 * No-shows free workshop seats (an event's `noShowReleaseMinutes`): that many minutes after a
 * released workshop starts, and while it runs, the seats of those signed up and not checked
 * in at its door go to its waiting list. Once per workshop (its no_show_releases row, taken
 * first, also keeps two workers apart); the no-shows' sign-ups, the seats and the promotions
 * are one transaction, and each person promoted is emailed from it.
 */
@Job(NO_SHOW_RELEASE_JOB, { intervalMs: 60_000 })
export class NoShowReleaseJob extends ScheduledJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly workshops: Workshops,
    private readonly signups: SignupsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly ledger: SeatLedger,
    private readonly mail: RegistrationMail,
    private readonly clock: Clock,
  ) {
    super();
  }

  async tick(): Promise<number> {
    let released = 0;
    const now = this.clock.now();
    for (const event of await this.events.listPublished()) {
      if (event.noShowReleaseMinutes === null) continue;
      const all = await this.workshops.workshops(event.id);
      const due = [...all.values()]
        .filter((w) => new Date(w.startsAt).getTime() + event.noShowReleaseMinutes! * 60_000 <= now.getTime() && now < new Date(w.endsAt))
        .sort((a, b) => a.id.localeCompare(b.id));
      for (const w of due) released += await this.release(event, w, all);
    }
    return released;
  }

  /** The seats of one workshop's no-shows; answers how many were released (0 when done before). */
  private async release(event: EventView, workshop: Workshop, workshops: Map<string, Workshop>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const claimed = returned(
        await manager.query(
          `INSERT INTO no_show_releases (session_id, organization_id, event_id, released_at, seats, promoted) VALUES ($1, $2, $3, $4, 0, 0)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [workshop.id, event.organizationId, event.id, now],
        ),
      );
      if (claimed.length === 0) return 0;
      const absent = await manager.query<{ registration_id: string }[]>(
        `SELECT s.registration_id FROM session_signups s
          WHERE s.session_id = $1 AND s.status = 'signed_up'
            AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.registration_id = s.registration_id AND c.door = $2)
          ORDER BY s.registration_id
          FOR UPDATE`,
        [workshop.id, `session:${workshop.id}`],
      );
      const promoted: string[] = [];
      for (const { registration_id: id } of absent) {
        await this.signups.remove(manager, id, [workshop.id]);
        await this.registrations.touch(manager, id);
        await this.registrations.record(manager, {
          organizationId: event.organizationId,
          registrationId: id,
          at: now,
          action: 'workshop-no-show',
          actor: 'system',
          details: { sessionId: workshop.id },
        });
        // The seat goes to the head of the workshop's waiting list, who is emailed (registration.workshops, « a seat freed up »).
        promoted.push(...(await this.ledger.freeWorkshopSeat(manager, event, workshop, workshops)));
      }
      await manager.query(`UPDATE no_show_releases SET seats = $2, promoted = $3 WHERE session_id = $1`, [workshop.id, absent.length, promoted.length]);
      return absent.length;
    });
  }
}
