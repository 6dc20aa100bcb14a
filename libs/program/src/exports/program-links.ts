import { createHash } from 'node:crypto';

/** Public addresses of the program, shared by exports, emails and pages. */
export const programLinks = {
  event: (publicUrl: string, slug: string) => `${publicUrl}/e/${encodeURIComponent(slug)}`,
  program: (publicUrl: string, slug: string) => `${publicUrl}/e/${encodeURIComponent(slug)}/programme`,
  session: (publicUrl: string, slug: string, sessionNumber: number) => `${publicUrl}/e/${encodeURIComponent(slug)}/programme/${sessionNumber}`,
  /** The release history (every release's note and changelog). */
  releases: (publicUrl: string, slug: string) => `${publicUrl}/e/${encodeURIComponent(slug)}/programme/versions`,
  speakers: (publicUrl: string, slug: string) => `${publicUrl}/e/${encodeURIComponent(slug)}/intervenants`,
  /** One speaker on the speakers page (an anchor, so the page stays one cached document). */
  speaker: (publicUrl: string, slug: string, speakerNumber: number) => `${publicUrl}/e/${encodeURIComponent(slug)}/intervenants#intervenant-${speakerNumber}`,
  /** One session as iCalendar: "add to my calendar" (same UID as in the whole program's feed). */
  sessionCalendar: (publicUrl: string, slug: string, sessionId: string) =>
    `${publicUrl}/api/v1/events/${encodeURIComponent(slug)}/sessions/${sessionId}/calendar.ics`,
  export: (publicUrl: string, slug: string, file: 'schedule.xml' | 'schedule.json' | 'schedule.ics') =>
    `${publicUrl}/api/v1/events/${encodeURIComponent(slug)}/${file}`,
  agenda: (publicUrl: string, speakerId: string, token: string) => `${publicUrl}/api/v1/speakers/${speakerId}/agenda.ics?token=${encodeURIComponent(token)}`,
};

/** A name-based UUID (RFC 4122 version 5): the same name always gives the same id. */
export function uuidV5(name: string, namespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Lowercase ASCII letters, digits and dashes, from any text (accents dropped). */
export function slugText(text: string, max = 50): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}
