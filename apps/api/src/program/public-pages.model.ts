import type { EventView, RegistrationAvailability } from '@palabre/events';
import { Locale, pick, translator } from '@palabre/platform';
import {
  CHANGE_KINDS,
  eventDays,
  programLinks,
  summarizeChanges,
  type ChangeKind,
  toZonedIso,
  type ChangeSide,
  type PublishedProgram,
  type ReleasedPerson,
  type ReleaseView,
  type SessionChange,
} from '@palabre/program';
import { photoModel, type PhotoModel } from './speaker-photo';
import { CHANGE_LABELS, colon, DETAIL_FIELD_LABELS, formatDate, inSentence, languageName, ROLE_LABELS, semicolon } from './public-labels';
import {
  eventDatesLabel,
  eventLinks,
  EventLinks,
  exportLinks,
  ExportLinks,
  paragraphs,
  roleGroups,
  SessionModel,
  speakerNumbers,
  timeModel,
  TimeModel,
  toSessionModel,
  withLang,
} from './public-common.model';

const photoAlt = (name: string, locale: Locale) => pick({ fr: `Photo de ${name}`, en: `Photo of ${name}` }, locale);

// ——— the event page ———

export type RegistrationState = 'open' | 'full' | 'not-yet' | 'closed';

export interface EventPageModel {
  locale: Locale;
  path: string;
  title: string;
  dates: string;
  start: string;
  end: string;
  /** The city of the time zone, "Bamako" for Africa/Bamako: times are given in its local time. */
  zoneCity: string;
  venue: { name: string; address: string };
  description: string[];
  links: EventLinks;
  exports: ExportLinks;
  program: { release: number; sessions: number; speakers: number } | null;
  days: { label: string; href: string }[];
  /** `href`: the registration form, while registration is open (full or not). */
  registration: { state: RegistrationState; text: string; seats: string | null; href: string | null };
}

/** Why registration is open or not, in words: the availability says whether, the settings say why. */
function registrationModel(event: EventView, availability: RegistrationAvailability, now: Date, locale: Locale): EventPageModel['registration'] {
  const t = translator(locale);
  const date = (d: Date) => formatDate(d, event.timeZone, locale, 'dateTime');
  const seats =
    availability.capacity !== null && availability.remaining !== null
      ? t(`${availability.remaining} places restantes sur ${availability.capacity}.`, `${availability.remaining} seats left out of ${availability.capacity}.`)
      : null;
  const href = withLang(`${programLinks.event('', event.slug)}/inscription`, locale);
  if (availability.open && availability.remaining === 0) {
    return {
      state: 'full',
      text: t('Complet : toutes les places sont prises.', 'Full: every seat is taken.'),
      seats: t(
        'Les nouvelles inscriptions rejoignent la liste d’attente, par ordre d’arrivée.',
        'New registrations join the waiting list, first come, first served.',
      ),
      href,
    };
  }
  if (availability.open) {
    const until = event.registrationClosesAt ?? event.endsAt;
    return { state: 'open', text: t(`Les inscriptions sont ouvertes jusqu’au ${date(until)}.`, `Registration is open until ${date(until)}.`), seats, href };
  }
  if (availability.remaining === 0)
    return { state: 'full', text: t('Complet : toutes les places sont prises.', 'Full: every seat is taken.'), seats: null, href: null };
  if (event.registrationOpensAt && now < event.registrationOpensAt) {
    return {
      state: 'not-yet',
      text: t(`Les inscriptions ouvriront le ${date(event.registrationOpensAt)}.`, `Registration opens on ${date(event.registrationOpensAt)}.`),
      seats,
      href: null,
    };
  }
  return { state: 'closed', text: t('Les inscriptions sont closes.', 'Registration is closed.'), seats: null, href: null };
}

export function toEventPageModel(
  event: EventView,
  program: PublishedProgram | null,
  availability: RegistrationAvailability,
  now: Date,
  locale: Locale,
): EventPageModel {
  const links = eventLinks(event.slug, locale);
  return {
    locale,
    path: programLinks.event('', event.slug),
    title: pick(event.title, locale),
    dates: eventDatesLabel(event, locale),
    start: toZonedIso(event.startsAt, event.timeZone),
    end: toZonedIso(event.endsAt, event.timeZone),
    zoneCity: (event.timeZone.split('/').pop() ?? event.timeZone).replace(/_/g, ' '),
    venue: { name: event.venueName, address: event.venueAddress },
    description: paragraphs(pick(event.description, locale)),
    links,
    exports: exportLinks(event.slug, locale),
    program: program
      ? {
          release: program.number,
          sessions: program.snapshot.sessions.filter((s) => s.status !== 'cancelled').length,
          speakers: program.snapshot.speakers.length,
        }
      : null,
    days: program
      ? eventDays(event).map((d) => ({
          label: formatDate(d.start, event.timeZone, locale, 'day'),
          href: withLang(`${programLinks.program('', event.slug)}?jour=${d.index}`, locale),
        }))
      : [],
    registration: registrationModel(event, availability, now, locale),
  };
}

// ——— a session ———

export interface ProfileModel {
  anchor: string;
  href: string;
  name: string;
  title: string;
  organization: string;
  bio: string[];
  photo: PhotoModel | null;
}

export interface SessionPageModel {
  locale: Locale;
  path: string;
  event: { title: string };
  links: EventLinks;
  session: SessionModel;
  abstract: string[];
  capacity: number | null;
  /** The program's page of that day. */
  dayHref: string;
  calendarHref: string;
  people: { label: string; profiles: ProfileModel[] }[];
}

export function toSessionPageModel(event: EventView, program: PublishedProgram, number: number, locale: Locale): SessionPageModel | null {
  const s = program.snapshot.sessions.find((x) => x.number === number);
  if (!s) return null;
  const speakers = new Map(program.snapshot.speakers.map((p) => [p.id, p]));
  const numbers = speakerNumbers(program.snapshot.speakers);
  const day = eventDays(event).find((d) => d.date === toZonedIso(new Date(s.startsAt), event.timeZone).slice(0, 10));
  return {
    locale,
    path: programLinks.session('', event.slug, s.number),
    event: { title: pick(event.title, locale) },
    links: eventLinks(event.slug, locale),
    session: toSessionModel(s, event, numbers, locale),
    abstract: paragraphs(pick(s.abstract, locale)),
    capacity: s.capacity,
    dayHref: withLang(`${programLinks.program('', event.slug)}${day ? `?jour=${day.index}` : ''}`, locale),
    calendarHref: withLang(programLinks.sessionCalendar('', event.slug, s.id), locale),
    people: roleGroups(s.people, numbers, event.slug, locale).map((g) => ({
      label: g.label,
      profiles: g.people.map((p) => {
        const profile = speakers.get(p.speakerId);
        return {
          anchor: `intervenant-${profile?.number ?? p.speakerId}`,
          href: p.href,
          name: profile?.name ?? p.name,
          title: profile?.title ?? '',
          organization: profile?.organization ?? '',
          bio: paragraphs(pick(profile?.bio, locale)),
          photo: photoModel(profile?.photo, photoAlt(profile?.name ?? p.name, locale)),
        };
      }),
    })),
  };
}

// ——— the speakers ———

export interface SpeakerModel extends ProfileModel {
  languages: string;
  links: { url: string; label: string }[];
  sessions: { href: string; title: string; role: string; day: string; start: TimeModel; end: TimeModel; cancelled: boolean }[];
}

export interface SpeakersPageModel {
  locale: Locale;
  path: string;
  event: { title: string };
  links: EventLinks;
  released: boolean;
  speakers: SpeakerModel[];
}

/** Only http(s) links are shown (they were checked on input; a page never links `javascript:`). */
const safeUrl = (url: string) => /^https?:\/\//i.test(url);

export function toSpeakersPageModel(event: EventView, program: PublishedProgram | null, locale: Locale): SpeakersPageModel {
  const sessions = program?.snapshot.sessions ?? [];
  return {
    locale,
    path: programLinks.speakers('', event.slug),
    event: { title: pick(event.title, locale) },
    links: eventLinks(event.slug, locale),
    released: program !== null,
    speakers: (program?.snapshot.speakers ?? []).map((p) => ({
      anchor: `intervenant-${p.number}`,
      href: withLang(programLinks.speaker('', event.slug, p.number), locale),
      name: p.name,
      title: p.title,
      organization: p.organization,
      bio: paragraphs(pick(p.bio, locale)),
      photo: photoModel(p.photo, photoAlt(p.name, locale)),
      languages: p.languages.map((l) => languageName(l, locale)).join(', '),
      links: p.links.filter((l) => safeUrl(l.url)).map((l) => ({ url: l.url, label: l.title || l.url })),
      sessions: sessions.flatMap((s) =>
        s.people
          .filter((x) => x.speakerId === p.id)
          .map((x) => ({
            href: withLang(programLinks.session('', event.slug, s.number), locale),
            title: pick(s.title, locale),
            role: pick(ROLE_LABELS[x.role].one, locale),
            day: inSentence(formatDate(new Date(s.startsAt), event.timeZone, locale, 'day'), locale),
            start: timeModel(s.startsAt, event.timeZone),
            end: timeModel(s.endsAt, event.timeZone),
            cancelled: s.status === 'cancelled',
          })),
      ),
    })),
  };
}

// ——— the release history ———

export interface ChangeModel {
  label: string;
  title: string;
  /** The session's page, when the latest release still has it. */
  href: string | null;
  detail: string;
}

export interface ReleaseModel {
  number: number;
  current: boolean;
  publishedAt: string;
  publishedIso: string;
  note: string;
  /** The changes counted in a sentence ("2 sessions ajoutées, 1 déplacée"), or the size of a first release. */
  summary: string;
  changes: ChangeModel[];
}

export interface ReleasesPageModel {
  locale: Locale;
  path: string;
  event: { title: string };
  links: EventLinks;
  releases: ReleaseModel[];
}

/** "Mercredi 10 juin, 11:00–12:30, Salle 1": when (and where) a session was or is. */
function slotText(side: ChangeSide | undefined, event: EventView, locale: Locale): string {
  if (!side) return '';
  const parts: string[] = [];
  if (side.startsAt && side.endsAt) {
    parts.push(
      `${inSentence(formatDate(new Date(side.startsAt), event.timeZone, locale, 'day'), locale)}, ${timeModel(side.startsAt, event.timeZone).label}–${timeModel(side.endsAt, event.timeZone).label}`,
    );
  }
  if (side.room) parts.push(side.room);
  return parts.join(', ');
}

const personKey = (p: ReleasedPerson) => `${p.speakerId}:${p.role}`;

/** A change in plain words: what happened to which session, and how. */
export function describeChange(c: SessionChange, event: EventView, locale: Locale): string {
  const t = translator(locale);
  const people = (list: ReleasedPerson[]) => list.map((p) => `${p.name} (${pick(ROLE_LABELS[p.role].one, locale).toLocaleLowerCase(locale)})`).join(', ');
  switch (c.kind) {
    case 'added':
      return slotText(c.after, event, locale);
    case 'moved':
      return `${t('avant', 'before')}${colon(locale)}${slotText(c.before, event, locale)}${semicolon(locale)}${t('désormais', 'now')}${colon(locale)}${slotText(c.after, event, locale)}`;
    case 'room-changed':
      return `${c.before?.room ?? t('sans salle', 'no room')} → ${c.after?.room ?? t('sans salle', 'no room')}`;
    case 'people-changed': {
      const before = c.before?.people ?? [];
      const after = c.after?.people ?? [];
      const joined = after.filter((p) => !before.some((q) => personKey(q) === personKey(p)));
      const left = before.filter((p) => !after.some((q) => personKey(q) === personKey(p)));
      const parts = [
        ...(joined.length ? [`${t('arrivée', 'joined')}${colon(locale)}${people(joined)}`] : []),
        ...(left.length ? [`${t('départ', 'left')}${colon(locale)}${people(left)}`] : []),
      ];
      return parts.join(semicolon(locale));
    }
    case 'details-changed':
      return (c.fields ?? []).map((f) => pick(DETAIL_FIELD_LABELS[f] ?? { fr: f }, locale)).join(', ');
    case 'cancelled':
      return `${t('était prévue', 'was planned')}${colon(locale)}${slotText(c.before, event, locale)}`;
  }
}

const COUNT_WORDS: Record<ChangeKind, { fr: [string, string]; en: [string, string] }> = {
  added: { fr: ['session ajoutée', 'sessions ajoutées'], en: ['session added', 'sessions added'] },
  moved: { fr: ['déplacée', 'déplacées'], en: ['moved', 'moved'] },
  'room-changed': { fr: ['changement de salle', 'changements de salle'], en: ['room change', 'room changes'] },
  'people-changed': { fr: ['changement d’intervenants', 'changements d’intervenants'], en: ['change of people', 'changes of people'] },
  'details-changed': { fr: ['changement de détails', 'changements de détails'], en: ['change of details', 'changes of details'] },
  cancelled: { fr: ['annulée', 'annulées'], en: ['cancelled', 'cancelled'] },
};

function changeSummary(changes: SessionChange[], locale: Locale): string {
  const counts = summarizeChanges(changes);
  const parts = CHANGE_KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${COUNT_WORDS[k][locale][counts[k] > 1 ? 1 : 0]}`);
  return parts.length ? `${parts.join(', ')}.` : '';
}

export function toReleasesPageModel(event: EventView, releases: ReleaseView[], program: PublishedProgram | null, locale: Locale): ReleasesPageModel {
  const present = new Set((program?.snapshot.sessions ?? []).map((s) => s.id));
  const latest = releases.reduce((n, r) => Math.max(n, r.number), 0);
  const first = releases.reduce((n, r) => Math.min(n, r.number), Infinity);
  return {
    locale,
    path: programLinks.releases('', event.slug),
    event: { title: pick(event.title, locale) },
    links: eventLinks(event.slug, locale),
    releases: [...releases]
      .sort((a, b) => b.number - a.number)
      .map((r) => ({
        number: r.number,
        current: r.number === latest,
        publishedAt: formatDate(r.publishedAt, event.timeZone, locale, 'dateTime'),
        publishedIso: toZonedIso(r.publishedAt, event.timeZone),
        note: r.note,
        // A first release adds everything: its size says more than a list of the whole program.
        summary:
          r.number === first
            ? translator(locale)(
                `Première version du programme : ${r.changelog.length} sessions.`,
                `First version of the program: ${r.changelog.length} sessions.`,
              )
            : changeSummary(r.changelog, locale),
        changes: (r.number === first ? [] : r.changelog).map((c) => ({
          label: pick(CHANGE_LABELS[c.kind], locale),
          title: pick(c.title, locale),
          href: present.has(c.sessionId) ? withLang(programLinks.session('', event.slug, c.number), locale) : null,
          detail: describeChange(c, event, locale),
        })),
      })),
  };
}
