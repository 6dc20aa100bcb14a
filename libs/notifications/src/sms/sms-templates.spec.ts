import { Locale } from '@palabre/platform';
import { countSegments } from './segments';
import { composeSms, SMS_TEMPLATES, SmsTemplateDataMap, SmsTemplateName } from './sms-templates';

/** A manage link as the outbox sends it: the forum's address and a 43-character token. */
const LINK = 'https://forum.example.org/r/Zq3vK9pLmN0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345';
const TICKET = 'K7QM-3XWP-9RTD-HB4C';

/** Typical names: Malian first names with their accents, and event names of a real forum. */
const PEOPLE = ['Awa', 'Aïssata', 'Fatoumata', 'Oumou Kalsoum', 'Mamadou Lamine', 'Bintou Françoise'];
const EVENTS = [
  { fr: 'Forum Job Cluster 2025', en: 'Job Cluster Forum 2025' },
  { fr: 'Forum national de l’emploi des jeunes – Bamako', en: 'National youth employment forum – Bamako' },
  { fr: 'Salon de l’entrepreneuriat féminin et de l’économie verte à Ségou', en: 'Women’s entrepreneurship and green economy fair in Ségou' },
];

function examples(firstName: string, event: { fr: string; en: string }): { [K in SmsTemplateName]: SmsTemplateDataMap[K] } {
  return {
    'sms.code': { code: '048213', event, link: LINK, validMinutes: 10 },
    'sms.confirmed': { firstName, event, ticketCode: TICKET, link: LINK },
    'sms.promoted': { firstName, event, ticketCode: TICKET, link: LINK },
    'sms.waitlisted': { firstName, event, position: 127, link: LINK },
    'sms.hold-expired': { firstName, event, link: LINK },
    'sms.cancelled': { firstName, event, link: 'https://forum.example.org/e/forum-job-cluster-2025' },
    'sms.reminder': {
      firstName,
      event,
      startsAt: '2025-06-12T08:30:00.000Z',
      timeZone: 'Africa/Bamako',
      venue: 'Centre international de conférences de Bamako',
      link: LINK,
    },
    'sms.program-change': {
      event,
      timeZone: 'Africa/Bamako',
      link: 'https://forum.example.org/e/forum-job-cluster-2025/programme',
      changes: [
        {
          session: { fr: 'Atelier : rédiger son CV et sa lettre de motivation', en: 'Workshop: writing a CV and a cover letter' },
          kind: 'moved',
          startsAt: '2025-06-12T14:00:00.000Z',
        },
        { session: { fr: 'Atelier pitch', en: 'Pitch workshop' }, kind: 'cancelled' },
      ],
    },
  };
}

const cases = PEOPLE.flatMap((person) => EVENTS.flatMap((event) => (['fr', 'en'] as Locale[]).map((locale) => [person, event.fr, locale, event] as const)));

describe('SMS templates', () => {
  it.each(cases)('every template fits one GSM-7 segment for %s at « %s » (%s)', (person, _, locale, event) => {
    const data = examples(person, event);
    for (const name of Object.keys(SMS_TEMPLATES) as SmsTemplateName[]) {
      const text = composeSms(name, data[name] as never, locale);
      expect({ name, ...countSegments(text) }).toMatchObject({ name, encoding: 'gsm7', segments: 1 });
      // What makes the message useful is never cut: the link, and the code or ticket.
      if ('link' in data[name]) expect({ name, text }).toEqual({ name, text: expect.stringContaining((data[name] as { link: string }).link) as string });
    }
  });

  it('says each step in a few words, French first, with the first name and the event', () => {
    const data = examples('Aïssata', EVENTS[0]);
    expect(composeSms('sms.code', data['sms.code'], 'fr')).toBe(`048213 : votre code pour Forum Job Cluster 2025, valable 10 min. Ou ouvrez ${LINK}`);
    // ï is not GSM-7: Aïssata is written Aissata, and the text stays in one 160-character segment.
    expect(composeSms('sms.confirmed', data['sms.confirmed'], 'fr')).toBe(
      `Aissata, inscription confirmée à Forum Job Cluster 2025. Billet ${TICKET} : ${LINK}`,
    );
    expect(composeSms('sms.confirmed', data['sms.confirmed'], 'en')).toBe(`Aissata, you are registered for Job Cluster Forum 2025. Ticket ${TICKET}: ${LINK}`);
    expect(composeSms('sms.waitlisted', data['sms.waitlisted'], 'fr')).toContain("complet : vous etes en position 127 sur la liste d'attente");
    expect(composeSms('sms.hold-expired', { ...data['sms.hold-expired'], firstName: '' }, 'fr')).toMatch(/^Votre place à Forum Job Cluster 2025 a expiré/);
    // The day and time in the event's zone (Bamako is UTC).
    expect(composeSms('sms.reminder', data['sms.reminder'], 'fr')).toContain('Forum Job Cluster 2025 le 12/06 à 08:30, Centre international');
    expect(composeSms('sms.program-change', data['sms.program-change'], 'fr')).toMatch(
      /^Forum Job Cluster 2025 : " Atelier : rédiger son .*" est déplacé le 12\/06 à 14:00 \(\+1\)\. Voir https:/,
    );
  });

  it('shortens a long event name rather than spill into a second segment, and says where it cut', () => {
    const long = { fr: 'Forum national de l’emploi des jeunes, de l’entrepreneuriat et de la formation professionnelle du Mali', en: 'x' };
    const text = composeSms('sms.confirmed', { firstName: 'Fatoumata', event: long, ticketCode: TICKET, link: LINK }, 'fr');
    expect(countSegments(text).segments).toBe(1);
    expect(text).toMatch(/^Fatoumata, inscription confirmée à Forum national.*\. Billet K7QM/);
  });
});
