import type { Localized } from '@palabre/platform';
import type { ReleasedPerson, ReleasedSession } from './snapshot';

export const CHANGE_KINDS = ['added', 'moved', 'room-changed', 'people-changed', 'details-changed', 'cancelled'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One side of a change: only what changed is given. */
export interface ChangeSide {
  startsAt?: string;
  endsAt?: string;
  room?: string | null;
  people?: ReleasedPerson[];
}

/** One thing that changed about one session between two releases. */
export interface SessionChange {
  kind: ChangeKind;
  sessionId: string;
  number: number;
  /** The title in the newer release (or the last one it had). */
  title: Localized;
  before?: ChangeSide;
  after?: ChangeSide;
  /** For `details-changed`: which fields (title, abstract, type, track, language, capacity). */
  fields?: string[];
}

const DETAIL_FIELDS = ['title', 'abstract', 'type', 'track', 'language', 'capacity'] as const;

const live = (s: ReleasedSession | undefined): s is ReleasedSession => s !== undefined && s.status !== 'cancelled';
const peopleKey = (people: ReleasedPerson[]) =>
  people
    .map((p) => `${p.speakerId}:${p.role}`)
    .sort()
    .join('|');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const detail = (s: ReleasedSession, field: (typeof DETAIL_FIELDS)[number]) => (field === 'track' ? (s.track?.id ?? null) : s[field]);

/**
 * The changelog of a release against the one before (pretalx-style): which sessions were
 * added, moved, cancelled, changed room, people or details. A session missing from the newer
 * release counts as cancelled; a cancelled one that comes back counts as added. Pure, so the
 * release and its preview share it and it is tested on tables.
 */
export function diffReleases(previous: ReleasedSession[], next: ReleasedSession[]): SessionChange[] {
  const before = new Map(previous.map((s) => [s.id, s]));
  const after = new Map(next.map((s) => [s.id, s]));
  const changes: SessionChange[] = [];
  const change = (s: ReleasedSession, kind: ChangeKind, rest: Partial<SessionChange> = {}) =>
    changes.push({ kind, sessionId: s.id, number: s.number, title: s.title, ...rest });

  for (const n of next) {
    const p = before.get(n.id);
    if (!live(n)) continue;
    if (!live(p)) {
      change(n, 'added', { after: { startsAt: n.startsAt, endsAt: n.endsAt, room: n.room?.name ?? null } });
      continue;
    }
    if (p.startsAt !== n.startsAt || p.endsAt !== n.endsAt) {
      change(n, 'moved', { before: { startsAt: p.startsAt, endsAt: p.endsAt }, after: { startsAt: n.startsAt, endsAt: n.endsAt } });
    }
    if ((p.room?.id ?? null) !== (n.room?.id ?? null)) {
      change(n, 'room-changed', { before: { room: p.room?.name ?? null }, after: { room: n.room?.name ?? null } });
    }
    if (peopleKey(p.people) !== peopleKey(n.people)) {
      change(n, 'people-changed', { before: { people: p.people }, after: { people: n.people } });
    }
    const fields = DETAIL_FIELDS.filter((f) => !same(detail(p, f), detail(n, f)));
    if (fields.length > 0) change(n, 'details-changed', { fields });
  }
  for (const p of previous) {
    if (live(p) && !live(after.get(p.id))) {
      change(after.get(p.id) ?? p, 'cancelled', { before: { startsAt: p.startsAt, endsAt: p.endsAt, room: p.room?.name ?? null } });
    }
  }

  const when = (c: SessionChange) => after.get(c.sessionId)?.startsAt ?? before.get(c.sessionId)?.startsAt ?? '';
  return changes.sort((a, b) => when(a).localeCompare(when(b)) || a.number - b.number || CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind));
}

/** Counts per kind, for a release's summary line. */
export function summarizeChanges(changes: SessionChange[]): Record<ChangeKind, number> {
  const summary = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) summary[c.kind]++;
  return summary;
}
