import { Locale, pick } from '@palabre/platform';
import { CalendarEntry, icsCalendar } from '@palabre/notifications';
import type { RegistrationView } from './participant-registrations.service';

/**
 * The participant's own agenda (RFC 5545): the event, with the same UID as the calendar their
 * confirmation email carries (so the two are one entry), and each workshop they hold a seat in,
 * with the UID the public `schedule.ics` gives that session. No manage link inside: a calendar
 * gets shared, the link opens the registration.
 */
export function participantCalendar(r: RegistrationView, publicUrl: string, stamp: Date): string {
  const locale: Locale = r.participant.locale === 'en' ? 'en' : 'fr';
  const base = publicUrl.replace(/\/+$/, '');
  const host = new URL(base).hostname || 'palabre.local';
  const eventPage = `${base}/e/${encodeURIComponent(r.event.slug)}`;
  const title = pick(r.event.title, locale);
  const location = r.event.venueName || undefined;
  const entries: CalendarEntry[] = [
    {
      uid: `registration-${r.reference}@${host}`,
      stamp,
      start: r.event.startsAt,
      end: r.event.endsAt,
      summary: title,
      location,
      description: `${locale === 'fr' ? 'Référence' : 'Reference'} ${r.reference}`,
      url: eventPage,
    },
  ];
  for (const s of r.sessions) {
    if (s.status !== 'signed_up' || !s.workshop) continue;
    entries.push({
      uid: `${s.sessionId}@${host}`,
      stamp,
      start: new Date(s.workshop.startsAt),
      end: new Date(s.workshop.endsAt),
      summary: pick(s.workshop.title, locale),
      location: [s.workshop.room, r.event.venueName].filter(Boolean).join(', ') || undefined,
      description: title,
      url: eventPage,
    });
  }
  return icsCalendar(entries, { language: locale, name: title });
}
