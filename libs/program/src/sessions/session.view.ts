import type { Localized } from '@palabre/platform';
import type { RoomView, TrackView } from '@palabre/events';
import type { SpeakerView } from '@palabre/speakers';
import type { RoleAnswer, SessionRole, SessionStatus, SessionType } from './session-kinds';
import type { ProgramSession } from './session.entity';

export interface SessionPersonView {
  speakerId: string;
  name: string;
  role: SessionRole;
  /** The speaker's answer; `note` is for the organizers only. */
  answer: RoleAnswer;
  answerNote: string | null;
  answeredAt: Date | null;
}

/** A session of the working draft, as organizers see it. */
export interface SessionView {
  id: string;
  number: number;
  eventId: string;
  title: Localized;
  abstract: Localized;
  type: SessionType;
  startsAt: Date;
  endsAt: Date;
  room: { id: string; name: string } | null;
  track: { id: string; name: Localized; colour: string } | null;
  language: string;
  capacity: number | null;
  status: SessionStatus;
  people: SessionPersonView[];
  updatedAt: Date;
}

export interface ProgramContext {
  rooms: Map<string, RoomView>;
  tracks: Map<string, TrackView>;
  speakers: Map<string, SpeakerView>;
}

export function toSessionView(s: ProgramSession, ctx: ProgramContext): SessionView {
  const room = s.roomId ? ctx.rooms.get(s.roomId) : undefined;
  const track = s.trackId ? ctx.tracks.get(s.trackId) : undefined;
  return {
    id: s.id,
    number: s.number,
    eventId: s.eventId,
    title: s.title,
    abstract: s.abstract,
    type: s.type,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    room: room ? { id: room.id, name: room.name } : null,
    track: track ? { id: track.id, name: track.name, colour: track.colour } : null,
    language: s.language,
    capacity: s.capacity,
    status: s.status,
    people: [...(s.people ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        speakerId: p.speakerId,
        name: ctx.speakers.get(p.speakerId)?.name ?? '',
        role: p.role,
        answer: p.answer,
        answerNote: p.answerNote,
        answeredAt: p.answeredAt,
      })),
    updatedAt: s.updatedAt,
  };
}
