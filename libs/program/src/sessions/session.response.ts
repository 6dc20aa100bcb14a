import { ApiProperty, OmitType, PickType } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, LocalizedText, LocalizedTextProperty, UuidProperty } from '@palabre/platform';
import { RoomResponse, TrackResponse } from '@palabre/events';
import type { ReleasedSession } from '../releases/snapshot';
import { ROLE_ANSWERS, RoleAnswer, SESSION_ROLES, SESSION_STATUSES, SESSION_TYPES, SessionRole, SessionStatus, SessionType } from './session-kinds';
import type { SessionView } from './session.view';

/** The room a session is in: its id and name. */
export class SessionRoomResponse extends PickType(RoomResponse, ['id', 'name'] as const) {}

/** The track of a session, without its place in the list of tracks. */
export class SessionTrackResponse extends OmitType(TrackResponse, ['position'] as const) {}

/** A person on a session of the working draft, in the order organizers placed them. */
export class SessionPersonResponse {
  @UuidProperty() speakerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SESSION_ROLES }) role: SessionRole;
}

/** A person on a session of the working draft, with their answer (organizers only). */
export class SessionPersonAnswerResponse extends SessionPersonResponse {
  @ApiProperty({ enum: ROLE_ANSWERS, description: 'The speaker’s answer; someone who declined does not count toward a panel' }) answer: RoleAnswer;
  @ApiProperty({ type: String, nullable: true, description: 'What the speaker told the organizers with the answer' }) answerNote: string | null;
  @DateTimeProperty({ nullable: true }) answeredAt: string | null;
}

/** A session of the working draft, as organizers see it. */
export class SessionResponse {
  @UuidProperty() id: string;
  @IntegerProperty({ description: 'Stable within the event: the public page is /e/{slug}/programme/{number}', example: 12 }) number: number;
  @LocalizedTextProperty() title: LocalizedText;
  @LocalizedTextProperty() abstract: LocalizedText;
  @ApiProperty({ enum: SESSION_TYPES }) type: SessionType;
  @DateTimeProperty() startsAt: string;
  @DateTimeProperty() endsAt: string;
  @ApiProperty({ type: SessionRoomResponse, nullable: true }) room: SessionRoomResponse | null;
  @ApiProperty({ type: SessionTrackResponse, nullable: true }) track: SessionTrackResponse | null;
  @ApiProperty({ description: 'ISO 639 code', example: 'fr' }) language: string;
  @IntegerProperty({ nullable: true, description: 'Seats for sign-up (workshops); null: no sign-up limit' }) capacity: number | null;
  @ApiProperty({ enum: SESSION_STATUSES, description: '`draft`: tentative, kept out of releases' }) status: SessionStatus;
  @ApiProperty({ type: [SessionPersonAnswerResponse] }) people: SessionPersonAnswerResponse[];
}

/** A person on a released session: `id` is the speaker's, as in `GET /api/v1/events/{slug}/speakers`. */
export class PublicSessionPersonResponse {
  @UuidProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SESSION_ROLES }) role: SessionRole;
}

/** A session of the latest release, as the public sees it. */
export class PublicSessionResponse extends OmitType(SessionResponse, ['status', 'people'] as const) {
  @ApiProperty({ enum: ['confirmed', 'cancelled'], description: 'A cancelled session stays listed, marked so' }) status: ReleasedSession['status'];
  @ApiProperty({ type: [PublicSessionPersonResponse] }) people: PublicSessionPersonResponse[];
}

const iso = (t: Date | string) => (typeof t === 'string' ? t : t.toISOString());

/** What the organizer's and the public answers share, in the order both write it. */
function sessionFields(s: SessionView | ReleasedSession) {
  const { id, number, title, abstract, type, room, track, language, capacity } = s;
  return { id, number, title, abstract, type, startsAt: iso(s.startsAt), endsAt: iso(s.endsAt), room, track, language, capacity };
}

export function toSessionResponse(s: SessionView): SessionResponse {
  return {
    ...sessionFields(s),
    status: s.status,
    people: s.people.map((p) => ({
      speakerId: p.speakerId,
      name: p.name,
      role: p.role,
      answer: p.answer,
      answerNote: p.answerNote,
      answeredAt: p.answeredAt?.toISOString() ?? null,
    })),
  };
}

export function toPublicSessionResponse(s: ReleasedSession): PublicSessionResponse {
  return { ...sessionFields(s), status: s.status, people: s.people.map((p) => ({ id: p.speakerId, name: p.name, role: p.role })) };
}
