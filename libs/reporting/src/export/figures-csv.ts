import { Locale, pick, translator, CSV_BOM, csvLine } from '@palabre/platform';
import { localDate, localTime } from '@palabre/program';
import type { EventFigures } from '../figures/event-figures';
import { percentText, publishedFigures, shownText, SUPPRESSION_NOTE } from '../figures/published-figures';

/** A session as a CSV row names it: its title, and its day and time in the event's zone. */
export function sessionName(s: { title: { fr: string; en?: string }; startsAt: string | null }, timeZone: string, locale: Locale): string {
  const title = pick(s.title, locale);
  if (!s.startsAt) return title;
  const at = new Date(s.startsAt);
  return `${title} (${localDate(at, timeZone)} ${localTime(at, timeZone)})`;
}

/**
 * The figures as CSV, one figure a line (section, item, measure, value), in the caller's
 * language: UTF-8 with a BOM, cells neutralized, and small cells withheld as in the report.
 */
export function figuresCsv(f: EventFigures, locale: Locale): string {
  const t = translator(locale);
  const published = publishedFigures(f);
  const lines: string[] = [csvLine([t('Rubrique', 'Section'), t('Élément', 'Item'), t('Mesure', 'Measure'), t('Valeur', 'Value')])];
  const add = (section: string, item: string, measure: string, value: string | number) => lines.push(csvLine([section, item, measure, value]));

  const totals = t('Totaux (exacts)', 'Totals (exact)');
  const event = pick(f.event.title, locale);
  add(totals, event, t('Inscriptions reçues', 'Registrations received'), f.totals.registrations);
  add(totals, event, t('Confirmées', 'Confirmed'), f.totals.confirmed);
  add(totals, event, t('En attente de confirmation', 'Awaiting confirmation'), f.totals.pending);
  add(totals, event, t("Liste d'attente", 'Waiting list'), f.totals.waitlisted);
  add(totals, event, t('Annulées', 'Cancelled'), f.totals.cancelled);
  add(totals, event, t('Expirées', 'Expired'), f.totals.expired);
  add(totals, event, t("Présentes à l'accueil", 'Checked in at the entrance'), f.totals.checkedIn);
  add(totals, event, t('Taux de présence des confirmées (%)', 'Check-in rate of the confirmed (%)'), percentText(f.totals.checkInRate, locale));
  add(totals, event, t('Venues à au moins une session', 'Attended one session or more'), f.totals.attendedSession);

  const days = t('Inscriptions par jour (exactes)', 'Registrations per day (exact)');
  for (const d of f.byDay) {
    add(days, d.day, t('Reçues ce jour', 'Received that day'), d.count);
    add(days, d.day, t('Cumul', 'Running total'), d.cumulative);
  }

  for (const b of published.breakdowns) {
    const section = pick(b.label, locale);
    for (const row of b.rows) {
      add(section, pick(row.label, locale), t('Confirmées', 'Confirmed'), shownText(row.confirmed, locale));
      add(section, pick(row.label, locale), t("Présentes à l'accueil", 'Checked in at the entrance'), shownText(row.checkedIn, locale));
    }
  }

  const sessions = t('Sessions', 'Sessions');
  for (const s of published.sessions) {
    const name = sessionName(s, f.event.timeZone, locale);
    add(sessions, name, t('Places', 'Seats'), s.capacity ?? '');
    add(sessions, name, t('Inscrites', 'Signed up'), shownText(s.signedUp, locale));
    add(sessions, name, t("Liste d'attente", 'Waiting list'), shownText(s.waitlisted, locale));
    add(sessions, name, t('Présentes à la porte', 'Checked in at the door'), shownText(s.checkedIn, locale));
    add(sessions, name, t('Taux de remplissage (%)', 'Fill rate (%)'), percentText(s.fillRate, locale));
    add(sessions, name, t('Taux de présence (%)', 'Attendance rate (%)'), percentText(s.attendanceRate, locale));
  }

  add(t('Note', 'Note'), '', '', pick(SUPPRESSION_NOTE, locale));
  return CSV_BOM + lines.join('');
}
