import type { SessionType } from '../sessions/session-kinds';
import { SESSION_TYPES } from '../sessions/session-kinds';
import type { ReleasedRoom, ReleasedSession, ReleasedTrack, ReleaseSnapshot } from '../releases/snapshot';

/** What a participant narrows the program to; an absent field lets everything through. */
export interface ProgramFilter {
  trackId?: string;
  roomId?: string;
  type?: SessionType;
  language?: string;
}

/** The choices a released program offers to filter on: only values some session has, in program order. */
export interface ProgramFacets {
  tracks: ReleasedTrack[];
  rooms: ReleasedRoom[];
  types: SessionType[];
  languages: string[];
}

type Filterable = Pick<ReleasedSession, 'type' | 'language'> & { room: { id: string } | null; track: { id: string } | null };

/** The sessions that match every given criterion (all of them for an empty filter). */
export function filterSessions<S extends Filterable>(sessions: S[], filter: ProgramFilter): S[] {
  return sessions.filter(
    (s) =>
      (filter.trackId === undefined || s.track?.id === filter.trackId) &&
      (filter.roomId === undefined || s.room?.id === filter.roomId) &&
      (filter.type === undefined || s.type === filter.type) &&
      (filter.language === undefined || s.language === filter.language),
  );
}

/**
 * The filter choices of a release. A room, track, type or language no session uses is left
 * out, so a choice never leads to an empty program; rooms and tracks keep the organizers'
 * order, types their usual order, languages their first appearance.
 */
export function programFacets(snapshot: ReleaseSnapshot): ProgramFacets {
  const sessions = snapshot.sessions;
  const roomIds = new Set(sessions.map((s) => s.room?.id).filter((id) => id !== undefined));
  const trackIds = new Set(sessions.map((s) => s.track?.id).filter((id) => id !== undefined));
  const types = new Set(sessions.map((s) => s.type));
  return {
    rooms: snapshot.rooms.filter((r) => roomIds.has(r.id)),
    tracks: snapshot.tracks.filter((t) => trackIds.has(t.id)),
    types: SESSION_TYPES.filter((t) => types.has(t)),
    languages: [...new Set(sessions.map((s) => s.language))],
  };
}
