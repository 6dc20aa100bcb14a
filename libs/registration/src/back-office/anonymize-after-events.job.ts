import { AppConfig, Job, Clock, ScheduledJob, DAY_MS } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { OrganizerRegistrations } from './organizer-registrations.service';
import { RegistrationsSearchRepository } from './registrations-search.repository';

/**
 * Rule 10, without anyone having to remember it: `ANONYMIZE_AFTER_DAYS` (default 180) after an
 * event's end, its registrations' personal data is erased as the back-office's « Anonymiser »
 * does — the categories, statuses and check-ins stay for the figures — and the audit log says
 * the system did it.
 */
@Job('registration-anonymize', { intervalMs: 6 * 60 * 60_000 })
export class AnonymizeAfterEvents extends ScheduledJob {
  constructor(
    private readonly events: EventsService,
    private readonly registrations: OrganizerRegistrations,
    private readonly search: RegistrationsSearchRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
  }

  async tick(): Promise<number> {
    if (this.config.anonymizeAfterDays === 0) return 0;
    let erased = 0;
    for (const event of await this.events.endedBefore(new Date(this.clock.now().getTime() - this.config.anonymizeAfterDays * DAY_MS))) {
      if (await this.search.anyNotErased(event.id)) erased += (await this.registrations.anonymize(event, null)).anonymized;
    }
    return erased;
  }
}
