import { Localized, pickFields } from '@palabre/platform';
import { toPublicSpeaker, type SpeakerPhoto } from '@palabre/speakers';
import type { SessionRole, SessionType } from '../sessions/session-kinds';
import type { ProgramSession } from '../sessions/session.entity';
import { ProgramContext, SessionView, toSessionView } from '../sessions/session.view';

/** A person on a released session, with the name they had at release time. */
export interface ReleasedPerson {
  speakerId: string;
  name: string;
  role: SessionRole;
}

/** A session as a release froze it. Times are ISO 8601 (UTC); the event's zone shows them. */
export interface ReleasedSession {
  id: string;
  number: number;
  title: Localized;
  abstract: Localized;
  type: SessionType;
  startsAt: string;
  endsAt: string;
  room: { id: string; name: string } | null;
  track: { id: string; name: Localized; colour: string } | null;
  language: string;
  capacity: number | null;
  /** Released sessions are confirmed, or cancelled once they had been published. */
  status: 'confirmed' | 'cancelled';
  people: ReleasedPerson[];
}

export interface ReleasedRoom {
  id: string;
  name: string;
  capacity: number | null;
}

export interface ReleasedTrack {
  id: string;
  name: Localized;
  colour: string;
}

/** Public profile fields only: a release is public, it never holds an email or a phone. */
export interface ReleasedSpeaker {
  id: string;
  number: number;
  name: string;
  title: string;
  organization: string;
  bio: Localized;
  links: { url: string; title?: string }[];
  languages: string[];
  /** The photo's hash and sizes (public files); absent from releases made before photos existed. */
  photo?: SpeakerPhoto | null;
}

export interface ReleaseSnapshot {
  version: 1;
  sessions: ReleasedSession[];
  rooms: ReleasedRoom[];
  tracks: ReleasedTrack[];
  speakers: ReleasedSpeaker[];
}

/**
 * The draft as a release would freeze it: confirmed sessions, plus the cancelled ones the
 * previous release had published (so the public sees them cancelled); tentative (`draft`)
 * sessions stay out. Rooms, tracks and public speaker profiles are frozen alongside.
 */
export function freezeDraft(rows: ProgramSession[], ctx: ProgramContext, previous: ReleaseSnapshot | null): ReleaseSnapshot {
  const wasPublished = new Set((previous?.sessions ?? []).map((s) => s.id));
  const sessions = rows
    .filter((s) => s.status === 'confirmed' || (s.status === 'cancelled' && wasPublished.has(s.id)))
    .map((s) => toReleasedSession(toSessionView(s, ctx)));
  const speakerIds = new Set(sessions.flatMap((s) => s.people.map((p) => p.speakerId)));
  return {
    version: 1,
    sessions,
    rooms: [...ctx.rooms.values()].map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
    tracks: [...ctx.tracks.values()].map((t) => ({ id: t.id, name: t.name, colour: t.colour })),
    speakers: [...ctx.speakers.values()]
      .filter((s) => speakerIds.has(s.id))
      .map(toPublicSpeaker)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  };
}

/**
 * A session of the draft as a release freezes it: times in ISO 8601, only confirmed or
 * cancelled. Field by field: a release is public. People who declined are left out, and of the
 * others only name and role (an answer's note is for the organizers).
 */
function toReleasedSession(s: SessionView): ReleasedSession {
  return {
    ...pickFields(s, ['id', 'number', 'title', 'abstract', 'type', 'startsAt', 'endsAt', 'room', 'track', 'language', 'capacity', 'status']),
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    status: s.status === 'cancelled' ? 'cancelled' : 'confirmed',
    people: s.people.filter((p) => p.answer !== 'declined').map((p) => ({ speakerId: p.speakerId, name: p.name, role: p.role })),
  };
}

/**
 * The public profiles a release would change: speakers of both releases whose public fields
 * (name, title, organization, bio, links, languages, photo) differ. A speaker who edited
 * their profile can be published without any session changing.
 */
export function changedProfiles(before: ReleasedSpeaker[], after: ReleasedSpeaker[]): ReleasedSpeaker[] {
  const previous = new Map(before.map((s) => [s.id, s]));
  const fields = (s: ReleasedSpeaker) => JSON.stringify([s.name, s.title, s.organization, s.bio, s.links, s.languages, s.photo?.hash ?? null]);
  return after.filter((s) => {
    const was = previous.get(s.id);
    return was !== undefined && fields(was) !== fields(s);
  });
}
