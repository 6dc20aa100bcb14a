import type { Localized } from '@palabre/platform';
import type { SessionRole, SessionType } from '../sessions/session-kinds';

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
}

export interface ReleaseSnapshot {
  version: 1;
  sessions: ReleasedSession[];
  rooms: ReleasedRoom[];
  tracks: ReleasedTrack[];
  speakers: ReleasedSpeaker[];
}
