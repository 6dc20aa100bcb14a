import type { Permission } from '@palabre/platform';
import type { OrganizerRoute, TenancyWorld } from './organizer-routes';
import { anEventSettingsForm, FORUM } from './program';

let counter = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++counter}`;

type Fixture = Record<string, string>;

async function created(res: Response, what: string): Promise<string> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/**
 * An event of organization A made by its owner through the API, with what the route acts on:
 * a room and a track no session uses, a speaker with an email, and a keynote at 09:00 in
 * another room with that speaker.
 */
export async function anEventOfA(world: TenancyWorld): Promise<Fixture> {
  const slug = unique('forum');
  const org = world.a.owner.organizationSlug;
  await created(await world.asOwner(`/api/v1/organizations/${org}/events`, 'POST', { slug, title: { fr: 'Forum de la tenance' }, ...FORUM }), 'event');
  const api = (path: string, body: unknown) => world.asOwner(`/api/v1/events/${slug}${path}`, 'POST', body);
  const room = await created(await api('/rooms', { name: 'Salle 1' }), 'room');
  const spareRoom = await created(await api('/rooms', { name: 'Salle libre' }), 'room');
  const spareTrack = await created(await api('/tracks', { name: { fr: 'Parcours libre' }, colour: '#1d6f42' }), 'track');
  const speaker = await created(await api('/speakers', { name: 'Awa Traoré', email: `${unique('awa')}@example.org` }), 'speaker');
  const session = await created(
    await api('/program/sessions', {
      type: 'keynote',
      title: { fr: 'Ouverture' },
      startsAt: '2030-06-10T09:00:00Z',
      endsAt: '2030-06-10T10:00:00Z',
      roomId: room,
      people: [{ speakerId: speaker, role: 'speaker' }],
    }),
    'session',
  );
  return { slug, room, spareRoom, spareTrack, speaker, session };
}

/** For reads, one event is enough: made once per world. */
const shared = new WeakMap<TenancyWorld, Promise<Fixture>>();
export const sharedEvent = (world: TenancyWorld): Promise<Fixture> => {
  if (!shared.has(world)) shared.set(world, anEventOfA(world));
  return shared.get(world)!;
};

const page = (w: TenancyWorld, f: Fixture, rest = '') => `/admin/o/${w.a.owner.organizationSlug}/events/${f.slug}${rest}`;

const sessionForm = (f: Fixture, start: string, end: string) => ({
  titleFr: 'Session de la tenance',
  type: 'plenary',
  status: 'confirmed',
  day: '2030-06-10',
  start,
  end,
  roomId: f.spareRoom,
  trackId: '',
  language: 'fr',
  capacity: '',
  'people.0.speakerId': '',
  'people.0.role': 'speaker',
});

const settingsForm = () => anEventSettingsForm({ titleFr: 'Forum renommé', venueName: 'CICB' });

const speakerForm = () => ({
  name: 'Awa Traoré',
  title: '',
  organization: '',
  bioFr: '',
  bioEn: '',
  email: `${unique('form')}@example.org`,
  phone: '',
  locale: 'fr',
});

/** Where below the event a route is: a fixed rest, or one made from what `prepare` made. */
export type Below = string | ((f: Fixture) => string);

/** The events a route is called on: one shared by the reads, a fresh one for each write. */
export interface EventsOfA {
  shared: (world: TenancyWorld) => Promise<Fixture>;
  fresh: (world: TenancyWorld) => Promise<Fixture>;
}

/**
 * A route on an event of A, below its back-office page (`page`) or its API path (`api`). A read
 * shares one event (`sharedEvent`); a write gets a fresh one (`anEventOfA`), unless `events` says otherwise.
 */
export function eventRoute(
  kind: 'api' | 'page',
  method: OrganizerRoute['method'],
  name: string,
  permission: Permission,
  rest: Below,
  body?: OrganizerRoute['body'],
  events: EventsOfA = { shared: sharedEvent, fresh: anEventOfA },
): OrganizerRoute {
  return {
    name,
    method,
    kind,
    permission,
    prepare: method === 'GET' ? events.shared : events.fresh,
    path: (w, f) => {
      const below = typeof rest === 'string' ? rest : rest(f);
      return kind === 'page' ? page(w, f, below) : `/api/v1/events/${f.slug}${below}`;
    },
    ...(body ? { body } : {}),
  };
}

/** A back-office page, read with `permission`. */
const aPage = (name: string, rest: Below, permission: Permission = 'organization:read') => eventRoute('page', 'GET', name, permission, rest);
/** A back-office form (with its fields) or button (without). */
const aForm = (name: string, permission: Permission, rest: Below, body?: OrganizerRoute['body']) => eventRoute('page', 'POST', name, permission, rest, body);

/** The program back-office: its pages (`/admin/o/{org}/events/...`) and the speaker invitation route. */
export const PROGRAM_ADMIN_ROUTES: OrganizerRoute[] = [
  aPage('event settings page', ''),
  aPage('rooms page', '/rooms'),
  aPage('tracks page', '/tracks'),
  aPage('speakers page', '/speakers'),
  aPage('speaker profile page', (f) => `/speakers/${f.speaker}`),
  aPage('program grid page', '/program?day=1'),
  aPage('session page', (f) => `/program/sessions/${f.session}`),
  aPage('release page', '/releases'),
  aPage('new session form', '/program/sessions/new?day=2030-06-10&start=11:00', 'program:write'),

  {
    name: 'create event form',
    method: 'POST',
    kind: 'page',
    permission: 'event:write',
    path: (w) => `/admin/o/${w.a.owner.organizationSlug}/events`,
    body: () => ({
      titleFr: 'Nouveau forum',
      titleEn: '',
      slug: unique('nouveau'),
      timeZone: 'Africa/Bamako',
      startsAt: '2030-06-10T08:00',
      endsAt: '2030-06-11T18:00',
    }),
  },
  aForm('event settings form', 'event:write', '', settingsForm),
  aForm('publish event button', 'event:write', '/publish'),
  aForm('archive event button', 'event:write', '/archive'),
  aForm('add room form', 'program:write', '/rooms', () => ({ name: 'Salle 2', capacity: '50' })),
  aForm(
    'edit room form',
    'program:write',
    (f) => `/rooms/${f.spareRoom}`,
    () => ({ name: 'Salle renommée', capacity: '' }),
  ),
  aForm('delete room button', 'program:write', (f) => `/rooms/${f.spareRoom}/delete`),
  aForm('add track form', 'program:write', '/tracks', () => ({ nameFr: 'Santé', nameEn: '', colour: '#b45309' })),
  aForm(
    'edit track form',
    'program:write',
    (f) => `/tracks/${f.spareTrack}`,
    () => ({ nameFr: 'Renommé', nameEn: '', colour: '#000000' }),
  ),
  aForm('delete track button', 'program:write', (f) => `/tracks/${f.spareTrack}/delete`),
  aForm('add speaker form', 'speakers:write', '/speakers', speakerForm),
  aForm('edit speaker form', 'speakers:write', (f) => `/speakers/${f.speaker}`, speakerForm),
  aForm('invite speaker button', 'speakers:write', (f) => `/speakers/${f.speaker}/invite`),
  aForm('add session form', 'program:write', '/program/sessions', (_w, f) => sessionForm(f, '11:00', '12:00')),
  aForm(
    'edit session form',
    'program:write',
    (f) => `/program/sessions/${f.session}`,
    (_w, f) => sessionForm(f, '14:00', '15:00'),
  ),
  aForm('delete session button', 'program:write', (f) => `/program/sessions/${f.session}/delete`),
  aForm(
    'move session (drag and drop)',
    'program:write',
    (f) => `/program/sessions/${f.session}/move`,
    (_w, f) => ({
      roomId: f.spareRoom,
      date: '2030-06-11',
      time: '10:00',
    }),
  ),
  aForm('publish release form', 'program:write', '/releases', () => ({ note: 'Version de la tenance' })),
  {
    name: 'invite a speaker',
    method: 'POST',
    kind: 'api',
    permission: 'speakers:write',
    prepare: anEventOfA,
    path: (_w, f) => `/api/v1/speakers/${f.speaker}/invite`,
  },
];
