import { DataSource } from 'typeorm';
import { Job, Clock, ScheduledJob } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { MagicLinksService } from '@palabre/identity';
import { OutboxService } from '@palabre/notifications';
import { SpeakersService, SpeakerView } from '@palabre/speakers';
import { reminderDue } from './reminder-rules';
import { RoleToRemind, SpeakerRolesRepository } from './speaker-roles.repository';

export const SPEAKER_REMINDERS_JOB = 'speaker-reminders';
/** No event allows more (the setting's upper bound). */
const MAX_REMINDERS = 5;
const BATCH = 500;
/** How long the reminder's sign-in link works: like the invitation's. */
const LINK_TTL_HOURS = 72;

/**
 * Reminds invited speakers who have not answered: `speakerReminderDays` after they were asked
 * (and again after each reminder), at most `speakerReminderMax` times, never once they answered,
 * and only in the daytime of the event's zone. One email per speaker and event lists every
 * role still waiting, with a fresh sign-in link to their sessions; only speakers the organizers
 * invited (an account is linked) are reminded, counted from the later of the ask and the invitation.
 */
@Job(SPEAKER_REMINDERS_JOB, { intervalMs: 15 * 60_000 })
export class SpeakerReminders extends ScheduledJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly roles: SpeakerRolesRepository,
    private readonly events: EventsService,
    private readonly speakers: SpeakersService,
    private readonly links: MagicLinksService,
    private readonly outbox: OutboxService,
  ) {
    super();
  }

  async tick(): Promise<number> {
    const now = this.clock.now();
    const candidates = await this.roles.waitingForAnswer(now, MAX_REMINDERS, BATCH);
    const bySpeaker = new Map<string, RoleToRemind[]>();
    for (const c of candidates) bySpeaker.set(c.speakerId, [...(bySpeaker.get(c.speakerId) ?? []), c]);
    const events = new Map<string, EventView>();
    let sent = 0;
    for (const [speakerId, roles] of bySpeaker) {
      const { eventId, organizationId } = roles[0];
      if (!events.has(eventId)) events.set(eventId, await this.events.getById(eventId));
      const event = events.get(eventId)!;
      if (event.status === 'archived') continue;
      const [speaker] = await this.speakers.findByIds(organizationId, eventId, [speakerId]);
      if (!speaker?.email || !speaker.userId || !speaker.invitedAt) continue;
      const due = (r: RoleToRemind) =>
        reminderDue(
          {
            ...r,
            askedAt: new Date(Math.max(new Date(r.askedAt).getTime(), speaker.invitedAt!.getTime())),
            remindedAt: r.remindedAt && new Date(r.remindedAt),
          },
          { days: event.speakerReminderDays, max: event.speakerReminderMax, timeZone: event.timeZone },
          now,
        );
      if (!roles.some(due)) continue;
      if (await this.remind(event, speaker, now)) sent++;
    }
    return sent;
  }

  /** One reminder, in a transaction that re-reads the roles (an answer may have just come in). */
  private async remind(event: EventView, speaker: SpeakerView, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const waiting = (await this.roles.waitingOf(manager, event.id, speaker.id)).filter(({ role }) => role.remindersSent < event.speakerReminderMax);
      if (waiting.length === 0) return false;
      const issued = await this.links.issue(manager, speaker.userId!, LINK_TTL_HOURS * 60);
      const queued = await this.outbox.enqueue(manager, {
        to: speaker.email!,
        template: 'speaker.reminder',
        locale: speaker.locale,
        data: {
          speakerName: speaker.name,
          eventTitle: event.title,
          timeZone: event.timeZone,
          link: issued.link,
          expiresInHours: LINK_TTL_HOURS,
          maxReminders: event.speakerReminderMax,
          sessions: waiting.map(({ role, session }) => ({
            title: session.title,
            startsAt: session.startsAt.toISOString(),
            endsAt: session.endsAt.toISOString(),
            role: role.role,
          })),
        },
        // Never two in one hour, whatever runs the job.
        dedupeKey: `speaker-reminder:${speaker.id}:${now.toISOString().slice(0, 13)}`,
        organizationId: event.organizationId,
        eventId: event.id,
      });
      if (!queued) {
        await this.links.discard(manager, issued.secret);
        return false;
      }
      await this.roles.markReminded(
        manager,
        waiting.map(({ role }) => role),
        now,
      );
      return true;
    });
  }
}
