import { Locale, pick } from '@palabre/platform';
import { formatMoment, formatSpan } from './format';
import { MailTemplate, t } from './mail-content';
import type { TemplateDataMap } from './template-data';

type Change = TemplateDataMap['program.change']['changes'][number];
type Slot = NonNullable<Change['before']>;

/** When and where a session is, as much as the change says. */
function describeSlot(slot: Slot | undefined, timeZone: string, locale: Locale): string {
  if (!slot) return '';
  const parts: string[] = [];
  if (slot.startsAt && slot.endsAt) parts.push(formatSpan(slot.startsAt, slot.endsAt, timeZone, locale));
  else if (slot.startsAt) parts.push(formatMoment(slot.startsAt, timeZone, locale));
  if (slot.room) parts.push(t(locale, `salle ${slot.room}`, `room ${slot.room}`));
  return parts.join(', ');
}

function describeChange(change: Change, timeZone: string, locale: Locale): string {
  const title = locale === 'en' ? `“${pick(change.sessionTitle, locale)}”` : `« ${pick(change.sessionTitle, locale)} »`;
  const before = describeSlot(change.before, timeZone, locale);
  const after = describeSlot(change.after, timeZone, locale);
  const fromTo = before && after ? ` : ${before} → ${after}` : after ? ` : ${after}` : '';
  const fromToEn = fromTo.replace(/^ : /, ': ');
  switch (change.kind) {
    case 'moved':
      return t(locale, `${title} est déplacée${fromTo}.`, `${title} has moved${fromToEn}.`);
    case 'cancelled':
      return t(locale, `${title} est annulée.`, `${title} is cancelled.`);
    case 'room-changed': {
      const rooms = change.before?.room && change.after?.room ? `${change.before.room} → ${change.after.room}` : (change.after?.room ?? '');
      return t(locale, `${title} change de salle${rooms ? ` : ${rooms}` : ''}.`, `${title} moves to another room${rooms ? `: ${rooms}` : ''}.`);
    }
    case 'people-changed':
      return t(locale, `${title} : les intervenants ont changé.`, `${title}: the speakers have changed.`);
    case 'added':
      return t(locale, `${title} est ajoutée${after ? ` : ${after}` : ''}.`, `${title} is added${after ? `: ${after}` : ''}.`);
  }
}

export const programChange: MailTemplate<'program.change'> = {
  compose(data, { locale }) {
    const event = pick(data.eventTitle, locale);
    const count = data.changes.length;
    return {
      subject: t(locale, `Changement de programme : ${event}`, `Program change: ${event}`),
      preheader: t(
        locale,
        count > 1 ? `${count} sessions qui vous concernent ont changé.` : 'Une session qui vous concerne a changé.',
        count > 1 ? `${count} sessions that concern you have changed.` : 'A session that concerns you has changed.',
      ),
      brand: event,
      heading: t(locale, 'Le programme a changé', 'The program has changed'),
      blocks: [
        { kind: 'paragraph', text: data.name ? t(locale, `Bonjour ${data.name},`, `Hello ${data.name},`) : t(locale, 'Bonjour,', 'Hello,') },
        {
          kind: 'paragraph',
          text: t(
            locale,
            `La version ${data.releaseNumber} du programme de ${event} modifie ${count > 1 ? 'des sessions qui vous concernent' : 'une session qui vous concerne'} :`,
            `Version ${data.releaseNumber} of the ${event} program changes ${count > 1 ? 'sessions that concern you' : 'a session that concerns you'}:`,
          ),
        },
        { kind: 'list', items: data.changes.map((c) => describeChange(c, data.timeZone, locale)) },
        { kind: 'action', label: t(locale, 'Voir le programme', 'See the program'), href: data.link },
      ],
      footer: t(
        locale,
        `Vous recevez ce message parce que vous intervenez ou êtes inscrit·e à une session de ${event}.`,
        `You receive this message because you speak at or signed up for a session of ${event}.`,
      ),
    };
  },
};
