import type { Locale } from '@palabre/platform';
import type { TemplateDataMap } from '@palabre/notifications';
import type { SessionChange } from './changelog';
import type { ReleasedSession } from './snapshot';

type MailChange = TemplateDataMap['program.change']['changes'][number];

/** The kinds that change where or when someone has to be, or whether they are on stage. */
const FOR_EVERYONE_ON_THE_SESSION = new Set(['moved', 'cancelled', 'room-changed']);

export interface Addressee {
  email: string;
  /** A participant without email: the letter goes by SMS to this number. */
  phone?: string;
  name: string;
  locale: Locale;
}

export interface SpeakerContact extends Addressee {
  speakerId: string;
}

/** One email to write: who, and the changes that concern them. */
export interface ProgramChangeLetter extends Addressee {
  changes: SessionChange[];
}

/** Changes participants care about: their session moved, changed room or was cancelled. */
export function changesForParticipants(changes: SessionChange[]): SessionChange[] {
  return changes.filter((c) => FOR_EVERYONE_ON_THE_SESSION.has(c.kind));
}

/**
 * Who hears about a release, and of what: the people of a moved, re-roomed or cancelled
 * session (before and after the change), a person whose role on a session was added or
 * taken away, and the participants the providers name for their sessions. One letter per
 * address, whatever the number of sessions or roles; a speaker's own details win over a
 * participant entry with the same address.
 */
export function composeLetters(
  changes: SessionChange[],
  previous: ReleasedSession[],
  next: ReleasedSession[],
  speakers: Map<string, SpeakerContact>,
  participants: { email: string; phone?: string; name: string; locale: Locale; sessionIds: string[] }[],
): ProgramChangeLetter[] {
  const before = new Map(previous.map((s) => [s.id, s]));
  const after = new Map(next.map((s) => [s.id, s]));
  const letters = new Map<string, ProgramChangeLetter>();
  const add = (who: Addressee, change: SessionChange) => {
    const email = who.email.trim().toLowerCase();
    const key = email || (who.phone ? `tel:${who.phone}` : '');
    if (!key) return;
    const letter = letters.get(key) ?? { email, ...(email ? {} : { phone: who.phone }), name: who.name, locale: who.locale, changes: [] };
    if (!letter.changes.some((c) => c.sessionId === change.sessionId && c.kind === change.kind)) letter.changes.push(change);
    letters.set(key, letter);
  };

  for (const change of changes) {
    const was = before.get(change.sessionId)?.people ?? [];
    const is = after.get(change.sessionId)?.people ?? [];
    let concerned: string[] = [];
    if (FOR_EVERYONE_ON_THE_SESSION.has(change.kind)) {
      concerned = [...was, ...is].map((p) => p.speakerId);
    } else if (change.kind === 'people-changed') {
      const key = (p: { speakerId: string; role: string }) => `${p.speakerId}:${p.role}`;
      const wasKeys = new Set(was.map(key));
      const isKeys = new Set(is.map(key));
      concerned = [...was.filter((p) => !isKeys.has(key(p))), ...is.filter((p) => !wasKeys.has(key(p)))].map((p) => p.speakerId);
    }
    for (const speakerId of new Set(concerned)) {
      const contact = speakers.get(speakerId);
      if (contact?.email) add(contact, change);
    }
  }
  const forParticipants = changesForParticipants(changes);
  for (const p of participants) {
    for (const change of forParticipants) if (p.sessionIds.includes(change.sessionId)) add(p, change);
  }
  return [...letters.values()].filter((l) => l.changes.length > 0);
}

/** The template's view of a change (null for detail changes, which no email reports). Times stay ISO: the template shows them in the event's zone. */
export function toMailChange(change: SessionChange): MailChange | null {
  if (change.kind === 'details-changed') return null;
  const side = (s: SessionChange['before']) =>
    s && (s.startsAt || s.endsAt || s.room)
      ? { ...(s.startsAt ? { startsAt: s.startsAt } : {}), ...(s.endsAt ? { endsAt: s.endsAt } : {}), ...(s.room ? { room: s.room } : {}) }
      : undefined;
  const before = side(change.before);
  const after = side(change.after);
  return { sessionTitle: change.title, kind: change.kind, ...(before ? { before } : {}), ...(after ? { after } : {}) };
}
