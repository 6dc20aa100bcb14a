import { DataSource } from 'typeorm';
import { AppConfig, Job, can, Clock, ScheduledJob } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { MembersService, OrganizationsService, UsersService } from '@palabre/identity';
import { OutboxService } from '@palabre/notifications';
import { SpeakersService } from '@palabre/speakers';
import { SpeakerRolesRepository } from './speaker-roles.repository';

export const ANSWER_DIGEST_JOB = 'speaker-answer-digest';
/** At most one digest an hour per event. */
export const ANSWER_DIGEST_PERIOD_MS = 3_600_000;
const BATCH = 20;

/**
 * The organizers are told of the speakers' answers by email, at most once an hour per event:
 * the answers not yet reported, to every member who may change the program (owner, admin,
 * program), in their language. The rows are marked reported in the transaction that queues
 * the mail; the outbox's dedupe key (event, member, hour) stops a second one within the hour.
 */
@Job(ANSWER_DIGEST_JOB, { intervalMs: 5 * 60_000 })
export class AnswerDigest extends ScheduledJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly roles: SpeakerRolesRepository,
    private readonly events: EventsService,
    private readonly speakers: SpeakersService,
    private readonly members: MembersService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly outbox: OutboxService,
  ) {
    super();
  }

  async tick(): Promise<number> {
    const now = this.clock.now();
    const due = await this.roles.eventsToReport(new Date(now.getTime() - ANSWER_DIGEST_PERIOD_MS), BATCH);
    let reported = 0;
    for (const { organizationId, eventId } of due) {
      const event = await this.events.getById(eventId);
      const organization = await this.organizations.findById(organizationId);
      const team = (await this.members.list(organizationId)).filter((m) => can(m.role, 'program:write'));
      const locales = await this.users.findByIds(team.map((m) => m.userId));
      const names = new Map((await this.speakers.list(organizationId, eventId)).map((s) => [s.id, s.name]));
      const hour = now.toISOString().slice(0, 13);
      reported += await this.dataSource.transaction(async (manager) => {
        const answers = (await this.roles.unreported(manager, organizationId, eventId)).filter(({ role }) => role.answer !== 'invited');
        if (answers.length === 0) return 0;
        const data = {
          eventTitle: event.title,
          timeZone: event.timeZone,
          link: `${this.config.publicUrl}/admin/o/${organization?.slug ?? ''}/events/${event.slug}/program`,
          answers: answers.map(({ role, session }) => ({
            speakerName: names.get(role.speakerId) ?? '',
            sessionTitle: session.title,
            startsAt: session.startsAt.toISOString(),
            answer: role.answer as 'accepted' | 'declined',
            ...(role.answerNote ? { note: role.answerNote } : {}),
          })),
        };
        for (const member of team) {
          await this.outbox.enqueue(manager, {
            to: member.email,
            template: 'speaker.answers',
            locale: locales.get(member.userId)?.locale ?? 'fr',
            data,
            dedupeKey: `speaker-answers:${eventId}:${member.userId}:${hour}`,
            organizationId,
            eventId,
          });
        }
        await this.roles.markReported(
          manager,
          answers.map(({ role }) => role),
          now,
        );
        return answers.length;
      });
    }
    return reported;
  }
}
