import { Injectable } from '@nestjs/common';
import { Localized } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { SpeakersService } from '@palabre/speakers';
import type { RoleAnswer, SessionRole } from '../sessions/session-kinds';
import { SpeakerRolesRepository } from './speaker-roles.repository';

export interface RecentAnswer {
  eventSlug: string;
  eventTitle: Localized;
  sessionId: string;
  sessionTitle: Localized;
  speakerName: string;
  role: SessionRole;
  answer: RoleAnswer;
  note: string | null;
  answeredAt: Date;
}

export interface WaitingAnswers {
  eventSlug: string;
  eventTitle: Localized;
  waiting: number;
}

/** What the organization's dashboard shows of the speakers' answers: the latest, and how many wait, by event. */
@Injectable()
export class AnswersOverview {
  constructor(
    private readonly roles: SpeakerRolesRepository,
    private readonly events: EventsService,
    private readonly speakers: SpeakersService,
  ) {}

  async recent(organizationId: string, limit = 10): Promise<RecentAnswer[]> {
    const rows = await this.roles.latestAnswers(organizationId, limit);
    if (rows.length === 0) return [];
    const events = new Map((await this.events.listForOrganization(organizationId)).map((e) => [e.id, e]));
    const names = new Map<string, string>();
    for (const eventId of new Set(rows.map((r) => r.session.eventId))) {
      const ids = rows.filter((r) => r.session.eventId === eventId).map((r) => r.role.speakerId);
      for (const s of await this.speakers.findByIds(organizationId, eventId, ids)) names.set(s.id, s.name);
    }
    return rows.flatMap(({ role, session }) => {
      const event = events.get(session.eventId);
      return event && role.answeredAt
        ? [
            {
              eventSlug: event.slug,
              eventTitle: event.title,
              sessionId: session.id,
              sessionTitle: session.title,
              speakerName: names.get(role.speakerId) ?? '',
              role: role.role,
              answer: role.answer,
              note: role.answerNote,
              answeredAt: role.answeredAt,
            },
          ]
        : [];
    });
  }

  async waiting(organizationId: string): Promise<WaitingAnswers[]> {
    const counts = await this.roles.waitingByEvent(organizationId);
    if (counts.size === 0) return [];
    return (await this.events.listForOrganization(organizationId))
      .filter((e) => counts.has(e.id) && e.status !== 'archived')
      .map((e) => ({ eventSlug: e.slug, eventTitle: e.title, waiting: counts.get(e.id)! }));
  }
}
