import { dateFormat, Locale, Localized, pick } from '@palabre/platform';
import { countSegments, toGsm7 } from './segments';

/**
 * Every kind of text message and the data its template needs. Links are absolute URLs; the
 * ones that open a registration (and the codes) are secrets, kept apart in the outbox and
 * removed once sent.
 */
export interface SmsTemplateDataMap {
  'sms.code': { code: string; event: Localized; link: string; validMinutes: number };
  'sms.confirmed': { firstName: string; event: Localized; ticketCode: string; link: string };
  'sms.promoted': { firstName: string; event: Localized; ticketCode: string; link: string };
  'sms.waitlisted': { firstName: string; event: Localized; position: number; link: string };
  'sms.hold-expired': { firstName: string; event: Localized; link: string };
  'sms.cancelled': { firstName: string; event: Localized; link: string };
  'sms.reminder': { firstName: string; event: Localized; startsAt: string; timeZone: string; venue: string; link: string };
  'sms.program-change': {
    event: Localized;
    /** The participant's sessions that changed; the text names the first and counts the others. */
    changes: { session: Localized; kind: 'moved' | 'cancelled' | 'room-changed'; startsAt?: string; room?: string }[];
    timeZone: string;
    link: string;
  };
}

export type SmsTemplateName = keyof SmsTemplateDataMap;

/** What a text is made of: fixed words around names that may be shortened so that it fits one segment. */
interface SmsDraft {
  /** The names in the order they give way: the first is shortened first. */
  names: Record<string, string>;
  write(names: Record<string, string>): string;
}

interface SmsTemplate<T extends SmsTemplateName> {
  draft(data: SmsTemplateDataMap[T], locale: Locale): SmsDraft;
  /** Fields that open a registration or confirm it: kept apart, dropped once sent. */
  readonly secrets?: readonly (keyof SmsTemplateDataMap[T] & string)[];
}

const t = (locale: Locale, fr: string, en: string) => (locale === 'en' ? en : fr);
/** « Awa, » before the message, or nothing without a first name. */
const hey = (name: string) => (name ? `${name}, ` : '');

function shortDate(iso: string, timeZone: string, locale: Locale): string {
  const d = new Date(iso);
  const day = dateFormat(locale, safeZone(timeZone), { day: 'numeric', month: 'numeric' }).format(d);
  const time = dateFormat(locale, safeZone(timeZone), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return t(locale, `le ${day} à ${time}`, `on ${day} at ${time}`);
}

function safeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

/** The texts to a participant about their registration: a first name and the event's. */
type ParticipantSms = { [K in SmsTemplateName]: SmsTemplateDataMap[K] extends { firstName: string; event: Localized } ? K : never }[SmsTemplateName];

/** « Awa, » then the words about the event (`words` gives them in French and English); the event's name gives way before the first name. */
function participantText<T extends ParticipantSms>(
  secrets: SmsTemplate<T>['secrets'],
  words: (d: SmsTemplateDataMap[T], event: string) => [fr: string, en: string],
): SmsTemplate<T> {
  return {
    ...(secrets ? { secrets } : {}),
    draft: (d, locale) => ({ names: { event: pick(d.event, locale), name: d.firstName }, write: (n) => hey(n.name) + t(locale, ...words(d, n.event)) }),
  };
}

const seatWithTicket = (fr: string, en: string) =>
  participantText<'sms.confirmed' | 'sms.promoted'>(['ticketCode', 'link'], (d, event) => [
    `${fr} ${event}. Billet ${d.ticketCode} : ${d.link}`,
    `${en} ${event}. Ticket ${d.ticketCode}: ${d.link}`,
  ]);

export const SMS_TEMPLATES: { [K in SmsTemplateName]: SmsTemplate<K> } = {
  'sms.code': {
    secrets: ['code', 'link'],
    draft: (d, locale) => ({
      names: { event: pick(d.event, locale) },
      write: (n) =>
        t(
          locale,
          `${d.code} : votre code pour ${n.event}, valable ${d.validMinutes} min. Ou ouvrez ${d.link}`,
          `${d.code}: your code for ${n.event}, valid ${d.validMinutes} min. Or open ${d.link}`,
        ),
    }),
  },
  'sms.confirmed': seatWithTicket('inscription confirmée à', 'you are registered for'),
  'sms.promoted': seatWithTicket('une place s’est libérée pour vous à', 'a seat freed up for you at'),
  'sms.waitlisted': participantText(['link'], (d, event) => [
    `${event} est complet : vous êtes en position ${d.position} sur la liste d’attente. Suivi : ${d.link}`,
    `${event} is full: you are no. ${d.position} on the waiting list. Follow: ${d.link}`,
  ]),
  'sms.hold-expired': participantText(['link'], (d, event) => [
    `votre place à ${event} a expiré faute de confirmation. Confirmer encore : ${d.link}`,
    `your seat at ${event} expired unconfirmed. Confirm still: ${d.link}`,
  ]),
  'sms.cancelled': participantText(undefined, (d, event) => [
    `votre inscription à ${event} est annulée. Pour vous réinscrire : ${d.link}`,
    `your registration for ${event} is cancelled. To register again: ${d.link}`,
  ]),
  'sms.reminder': {
    secrets: ['link'],
    draft: (d, locale) => ({
      names: { venue: d.venue, event: pick(d.event, locale), name: d.firstName },
      write: (n) => {
        const where = n.venue ? `, ${n.venue}` : '';
        return t(
          locale,
          `${hey(n.name)}rappel : ${n.event} ${shortDate(d.startsAt, d.timeZone, locale)}${where}. Billet : ${d.link}`,
          `${hey(n.name)}reminder: ${n.event} ${shortDate(d.startsAt, d.timeZone, locale)}${where}. Ticket: ${d.link}`,
        );
      },
    }),
  },
  'sms.program-change': {
    draft: (d, locale) => {
      const [first] = d.changes;
      const more = d.changes.length - 1;
      const what = (() => {
        switch (first.kind) {
          case 'moved':
            return first.startsAt
              ? t(locale, `est déplacé ${shortDate(first.startsAt, d.timeZone, locale)}`, `moves ${shortDate(first.startsAt, d.timeZone, locale)}`)
              : t(locale, 'change d’horaire', 'changes time');
          case 'room-changed':
            return first.room ? t(locale, `change de salle : ${first.room}`, `moves to room ${first.room}`) : t(locale, 'change de salle', 'changes room');
          case 'cancelled':
            return t(locale, 'est annulé', 'is cancelled');
        }
      })();
      const others = more > 0 ? ` (+${more})` : '';
      return {
        names: { session: pick(first.session, locale), event: pick(d.event, locale) },
        write: (n) => t(locale, `${n.event} : « ${n.session} » ${what}${others}. Voir ${d.link}`, `${n.event}: “${n.session}” ${what}${others}. See ${d.link}`),
      };
    },
  },
};

export function isSmsTemplateName(name: string): name is SmsTemplateName {
  return Object.prototype.hasOwnProperty.call(SMS_TEMPLATES, name);
}

/**
 * How the names give way when a text is too long: each down to 24 characters in its order (a
 * first name goes altogether rather than be cut), then each down to 12.
 */
const ROUNDS = [24, 12];

/** A name cut to `max` characters at most, with a final « . » to say so. */
function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}.`;
}

/**
 * The text of a message, in GSM-7 where it can be (see toGsm7), made to fit one segment: the
 * names give way (ROUNDS) until it does. A text that still does not fit (another script) is
 * sent as it is, in as many segments as it takes.
 */
export function composeSms<T extends SmsTemplateName>(template: T, data: SmsTemplateDataMap[T], locale: Locale): string {
  const draft = SMS_TEMPLATES[template].draft(data, locale);
  const names = Object.fromEntries(Object.entries(draft.names).map(([k, v]) => [k, v.replace(/\s+/g, ' ').trim()]));
  const text = () => {
    // A cut name's « . » before the text's own punctuation would read « .. »: one is enough.
    const written = draft.write(names).replace(/\.(?=[.,:])/g, '');
    return toGsm7(written.charAt(0).toUpperCase() + written.slice(1));
  };
  const fits = () => countSegments(text()).segments <= 1;
  for (const max of ROUNDS) {
    for (const key of Object.keys(names)) {
      if (fits()) return text();
      names[key] = key === 'name' ? '' : cut(names[key], max);
    }
  }
  return text();
}
