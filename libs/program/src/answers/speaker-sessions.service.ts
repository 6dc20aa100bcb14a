import { Injectable } from '@nestjs/common';
import { AuditLog, Clock, Localized } from '@palabre/platform';
import { EventsService, EventView, RoomsService } from '@palabre/events';
import { SpeakersService, SpeakerView } from '@palabre/speakers';
import { ProgramError } from '../program.errors';
import type { RoleAnswer, SessionRole, SessionStatus, SessionType } from '../sessions/session-kinds';
import type { ProgramSession } from '../sessions/session.entity';
import { SpeakerRolesRepository } from './speaker-roles.repository';

/** Someone else on the speaker's session, as the speaker sees them: public fields only. */
export interface FellowSpeakerView {
  speakerId: string;
  name: string;
  title: string;
  organization: string;
  role: SessionRole;
  /** Public bio, for a moderator looking at their panelists. */
  bio?: Localized;
}

/** A session where the signed-in speaker holds a role, with their answer. */
export interface SpeakerSessionView {
  speakerId: string;
  event: { id: string; slug: string; title: Localized; timeZone: string };
  session: {
    id: string;
    number: number;
    title: Localized;
    abstract: Localized;
    type: SessionType;
    status: SessionStatus;
    startsAt: Date;
    endsAt: Date;
    room: string | null;
    language: string;
  };
  role: SessionRole;
  answer: RoleAnswer;
  answerNote: string | null;
  answeredAt: Date | null;
  /** The others on the session (not those who declined), moderator first. */
  people: FellowSpeakerView[];
}

const ROLE_ORDER: Record<SessionRole, number> = { moderator: 0, host: 1, speaker: 2, panelist: 3 };

/**
 * The speaker's side of the program: the sessions where the signed-in account's profiles hold
 * a role, and their answer to each. A speaker only ever reaches roles of profiles linked to
 * their account (the invitation links them); anything else is SESSION_NOT_FOUND.
 */
@Injectable()
export class SpeakerSessionsService {
  constructor(
    private readonly roles: SpeakerRolesRepository,
    private readonly speakers: SpeakersService,
    private readonly events: EventsService,
    private readonly rooms: RoomsService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The signed-in speaker's profiles (one per event). */
  async profilesOf(userId: string): Promise<SpeakerView[]> {
    return this.speakers.listForUser(userId);
  }

  async list(userId: string): Promise<SpeakerSessionView[]> {
    const mine = await this.speakers.listForUser(userId);
    const sessions = await this.roles.sessionsOf(mine.map((s) => s.id));
    const byEvent = new Map<string, ProgramSession[]>();
    for (const s of sessions) byEvent.set(s.eventId, [...(byEvent.get(s.eventId) ?? []), s]);
    const out: SpeakerSessionView[] = [];
    for (const [eventId, list] of byEvent) {
      const event = await this.events.getById(eventId);
      const [people, rooms] = await Promise.all([this.speakers.list(event.organizationId, event.id), this.rooms.listRooms(event.organizationId, event.id)]);
      const speakers = new Map(people.map((p) => [p.id, p]));
      const roomNames = new Map(rooms.map((r) => [r.id, r.name]));
      for (const s of list) {
        const own = s.people.find((p) => mine.some((m) => m.id === p.speakerId));
        if (own) out.push(toSpeakerSession(event, s, own.speakerId, speakers, roomNames));
      }
    }
    return out.sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
  }

  async one(userId: string, sessionId: string): Promise<SpeakerSessionView> {
    const found = (await this.list(userId)).find((s) => s.session.id === sessionId);
    if (!found) throw new ProgramError('SESSION_NOT_FOUND');
    return found;
  }

  /**
   * The speaker accepts or declines their role on the session, with an optional note to the
   * organizers; they may change their mind. The event's program lock orders it with the
   * organizers' writes (and refuses an archived event). The organizers' digest reports it.
   */
  async answer(userId: string, sessionId: string, answer: 'accepted' | 'declined', note?: string | null): Promise<SpeakerSessionView> {
    const current = await this.one(userId, sessionId);
    const text = note?.trim() ? note.trim() : null;
    const event = await this.events.getById(current.event.id);
    await this.events.changeProgram(event.organizationId, event.id, async (manager) => {
      const role = await this.roles.roleForUpdate(manager, sessionId, [current.speakerId]);
      if (!role) throw new ProgramError('SESSION_NOT_FOUND');
      if (role.answer === answer && role.answerNote === text) return;
      await this.roles.setAnswer(manager, sessionId, role.speakerId, answer, text, this.clock.now());
      await this.audit.record(manager, {
        organizationId: event.organizationId,
        actorUserId: userId,
        action: answer === 'accepted' ? 'session.role-accepted' : 'session.role-declined',
        entityType: 'session',
        entityId: sessionId,
        changes: { speakerId: role.speakerId, role: role.role, before: role.answer, after: answer, ...(text ? { note: text } : {}) },
      });
    });
    return this.one(userId, sessionId);
  }
}

function toSpeakerSession(
  event: EventView,
  s: ProgramSession,
  speakerId: string,
  speakers: Map<string, SpeakerView>,
  rooms: Map<string, string>,
): SpeakerSessionView {
  const own = s.people.find((p) => p.speakerId === speakerId)!;
  const moderating = own.role === 'moderator';
  const people = s.people
    .filter((p) => p.speakerId !== speakerId && p.answer !== 'declined' && speakers.has(p.speakerId))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.position - b.position)
    .map((p): FellowSpeakerView => {
      const sp = speakers.get(p.speakerId)!;
      // Field by field: nothing private (email, phone) reaches another speaker.
      return {
        speakerId: sp.id,
        name: sp.name,
        title: sp.title,
        organization: sp.organization,
        role: p.role,
        ...(moderating && p.role === 'panelist' ? { bio: sp.bio } : {}),
      };
    });
  return {
    speakerId,
    event: { id: event.id, slug: event.slug, title: event.title, timeZone: event.timeZone },
    session: {
      id: s.id,
      number: s.number,
      title: s.title,
      abstract: s.abstract,
      type: s.type,
      status: s.status,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      room: s.roomId ? (rooms.get(s.roomId) ?? null) : null,
      language: s.language,
    },
    role: own.role,
    answer: own.answer,
    answerNote: own.answerNote,
    answeredAt: own.answeredAt,
    people,
  };
}
