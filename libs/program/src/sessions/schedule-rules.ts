import { Localized } from '@palabre/platform';
import { eventDays, localDate, localTime } from '../time/zoned-time';
import { ProgramError } from '../program.errors';
import { RoleAnswer, SessionRole, SessionType } from './session-kinds';
import type { ProgramSession } from './session.entity';

interface Interval {
  startsAt: Date;
  endsAt: Date;
}

interface EventWindow extends Interval {
  timeZone: string;
}

/** Half-open intervals, like PostgreSQL's default tstzrange: 10:00–11:00 and 11:00–12:00 do not overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

export type PlacementProblem = { code: 'INVALID_SESSION_TIMES' } | { code: 'SESSION_OUTSIDE_EVENT' } | { code: 'SESSION_LONGER_THAN_DAY'; day: string };

/**
 * Where a session may sit: ending after it starts, inside the event, and within one of the
 * event's local days (a session does not run past midnight in the event's zone).
 */
export function placementProblem(event: EventWindow, session: Interval): PlacementProblem | null {
  if (!(session.endsAt > session.startsAt)) return { code: 'INVALID_SESSION_TIMES' };
  if (session.startsAt < event.startsAt || session.endsAt > event.endsAt) return { code: 'SESSION_OUTSIDE_EVENT' };
  const day = eventDays(event).find((d) => session.startsAt >= d.start && session.startsAt < d.end);
  if (!day || session.endsAt > day.end) return { code: 'SESSION_LONGER_THAN_DAY', day: localDate(session.startsAt, event.timeZone) };
  return null;
}

/** The problem for a misplaced session; with `session` (at release time) the message names it. */
export function placementError(event: EventWindow, problem: PlacementProblem, session?: { id: string; title: Localized }): ProgramError {
  const when = (d: Date) => `${localDate(d, event.timeZone)} ${localTime(d, event.timeZone)}`;
  const extensions = session ? { sessionId: session.id, sessionTitle: session.title } : {};
  const what = session
    ? { whatFr: `La session « ${session.title.fr} »`, whatEn: `The session "${session.title.en || session.title.fr}"` }
    : { whatFr: 'La session', whatEn: 'The session' };
  switch (problem.code) {
    case 'INVALID_SESSION_TIMES':
      return new ProgramError(
        'INVALID_SESSION_TIMES',
        {},
        [{ field: 'endsAt', message: { fr: 'La fin doit suivre le début.', en: 'The end must come after the start.' } }],
        extensions,
      );
    case 'SESSION_OUTSIDE_EVENT':
      return new ProgramError(
        'SESSION_OUTSIDE_EVENT',
        { ...what, eventStart: when(event.startsAt), eventEnd: when(event.endsAt), timeZone: event.timeZone },
        [{ field: 'startsAt', message: { fr: "En dehors des dates de l'événement.", en: "Outside the event's dates." } }],
        extensions,
      );
    case 'SESSION_LONGER_THAN_DAY':
      return new ProgramError(
        'SESSION_LONGER_THAN_DAY',
        { ...what, day: problem.day, timeZone: event.timeZone },
        [{ field: 'endsAt', message: { fr: 'La session doit finir le jour où elle commence.', en: 'The session must end on the day it starts.' } }],
        extensions,
      );
  }
}

export interface PanelCount {
  moderators: number;
  panelists: number;
}

/**
 * A panel is complete with exactly one moderator and at least two panelists; other types have
 * no rule. Someone who declined does not count (someone not yet asked or who has not answered does).
 */
export function panelShortfall(session: { type: SessionType; people: { role: SessionRole; answer?: RoleAnswer }[] }): PanelCount | null {
  if (session.type !== 'panel') return null;
  const present = session.people.filter((p) => p.answer !== 'declined');
  const moderators = present.filter((p) => p.role === 'moderator').length;
  const panelists = present.filter((p) => p.role === 'panelist').length;
  return moderators === 1 && panelists >= 2 ? null : { moderators, panelists };
}

/** The other session, as conflict problems name it. */
export interface ConflictingSession extends Interval {
  id: string;
  number: number;
  title: Localized;
}

export function conflictParams(other: ConflictingSession, timeZone: string): Record<string, unknown> {
  return {
    otherFr: other.title.fr,
    otherEn: other.title.en || other.title.fr,
    day: localDate(other.startsAt, timeZone),
    from: localTime(other.startsAt, timeZone),
    to: localTime(other.endsAt, timeZone),
  };
}

export function conflictExtensions(other: ConflictingSession): Record<string, unknown> {
  return {
    conflictingSessionId: other.id,
    conflictingSession: { id: other.id, number: other.number, title: other.title, startsAt: other.startsAt.toISOString(), endsAt: other.endsAt.toISOString() },
  };
}

/** What refuses a release, and the session it is about. */
export interface ReleaseBlocker {
  code: string;
  session: ProgramSession;
  error: ProgramError;
}

/** Release blockers, in program order: confirmed sessions outside the event (its dates may have moved) and incomplete panels. */
export function releaseBlockers(event: EventWindow, sessions: ProgramSession[]): ReleaseBlocker[] {
  const out: ReleaseBlocker[] = [];
  for (const s of sessions) {
    if (s.status !== 'confirmed') continue;
    const placement = placementProblem(event, s);
    if (placement) out.push({ code: placement.code, session: s, error: placementError(event, placement, s) });
    const panel = panelShortfall(s);
    if (panel) {
      const params = { sessionFr: s.title.fr, sessionEn: s.title.en || s.title.fr, ...panel };
      out.push({
        code: 'PANEL_INCOMPLETE',
        session: s,
        error: new ProgramError('PANEL_INCOMPLETE', params, [], { sessionId: s.id, session: { id: s.id, number: s.number, title: s.title }, ...panel }),
      });
    }
  }
  return out;
}
