import { pick } from '@palabre/platform';
import { formatMoment, oneLine } from './format';
import { MailTemplate, t } from './mail-content';

/** The organizers' digest of speakers' answers (at most one an hour per event). */
export const speakerAnswers: MailTemplate<'speaker.answers'> = {
  compose(data, { locale }) {
    const event = pick(data.eventTitle, locale);
    const count = data.answers.length;
    const declined = data.answers.filter((a) => a.answer === 'declined').length;
    const quote = (s: string) => (locale === 'en' ? `“${s}”` : `« ${s} »`);
    return {
      subject: oneLine(
        t(
          locale,
          `Réponses des intervenants : ${count} nouvelle${count > 1 ? 's' : ''}${declined ? `, dont ${declined} refus` : ''} — ${event}`,
          `Speakers' answers: ${count} new${declined ? `, ${declined} declined` : ''} — ${event}`,
        ),
      ),
      preheader: t(locale, 'Qui a accepté, qui a décliné, et leurs messages.', 'Who accepted, who declined, and their notes.'),
      brand: event,
      heading: t(locale, 'Réponses des intervenants', "Speakers' answers"),
      blocks: [
        {
          kind: 'list',
          items: data.answers.map((a) => {
            const what =
              a.answer === 'accepted'
                ? t(
                    locale,
                    `${a.speakerName} a accepté ${quote(pick(a.sessionTitle, locale))}`,
                    `${a.speakerName} accepted ${quote(pick(a.sessionTitle, locale))}`,
                  )
                : t(
                    locale,
                    `${a.speakerName} a décliné ${quote(pick(a.sessionTitle, locale))}`,
                    `${a.speakerName} declined ${quote(pick(a.sessionTitle, locale))}`,
                  );
            const when = ` (${formatMoment(a.startsAt, data.timeZone, locale)})`;
            const note = a.note ? t(locale, ` — message : ${quote(a.note)}`, ` — note: ${quote(a.note)}`) : '';
            return `${what}${when}${note}`;
          }),
        },
        ...(declined
          ? [
              {
                kind: 'paragraph' as const,
                text: t(
                  locale,
                  'Un panel dont un panéliste ou le modérateur a décliné peut être incomplet : il ne sera pas publié tant qu’il ne l’est pas.',
                  'A panel whose panelist or moderator declined may be incomplete: it will not be released until it is complete.',
                ),
              },
            ]
          : []),
        { kind: 'action', label: t(locale, 'Ouvrir le programme', 'Open the programme'), href: data.link },
      ],
      footer: t(
        locale,
        `Vous recevez ce résumé parce que vous préparez le programme de ${event}. Au plus un par heure.`,
        `You receive this summary because you prepare the programme of ${event}. At most one an hour.`,
      ),
    };
  },
};
