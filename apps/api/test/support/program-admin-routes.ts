import type { OrganizerRoute, TenancyWorld } from './organizer-routes';
import { FORUM } from './program';

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

const settingsForm = () => ({
  titleFr: 'Forum renommé',
  titleEn: '',
  descriptionFr: '',
  descriptionEn: '',
  colour: '#0b6e4f',
  timeZone: 'Africa/Bamako',
  startsAt: '2030-06-10T08:00',
  endsAt: '2030-06-11T18:00',
  venueName: 'CICB',
  venueAddress: '',
  registrationOpensAt: '',
  registrationClosesAt: '',
  capacity: '',
  confirmEmail: 'on',
  holdHours: '48',
});

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

/** The program back-office: its pages (`/admin/o/{org}/events/...`) and the speaker invitation route. */
export const PROGRAM_ADMIN_ROUTES: OrganizerRoute[] = [
  { name: 'event settings page', method: 'GET', kind: 'page', permission: 'organization:read', prepare: sharedEvent, path: (w, f) => page(w, f) },
  { name: 'rooms page', method: 'GET', kind: 'page', permission: 'organization:read', prepare: sharedEvent, path: (w, f) => page(w, f, '/rooms') },
  { name: 'tracks page', method: 'GET', kind: 'page', permission: 'organization:read', prepare: sharedEvent, path: (w, f) => page(w, f, '/tracks') },
  { name: 'speakers page', method: 'GET', kind: 'page', permission: 'organization:read', prepare: sharedEvent, path: (w, f) => page(w, f, '/speakers') },
  {
    name: 'speaker profile page',
    method: 'GET',
    kind: 'page',
    permission: 'organization:read',
    prepare: sharedEvent,
    path: (w, f) => page(w, f, `/speakers/${f.speaker}`),
  },
  {
    name: 'program grid page',
    method: 'GET',
    kind: 'page',
    permission: 'organization:read',
    prepare: sharedEvent,
    path: (w, f) => page(w, f, '/program?day=1'),
  },
  {
    name: 'session page',
    method: 'GET',
    kind: 'page',
    permission: 'organization:read',
    prepare: sharedEvent,
    path: (w, f) => page(w, f, `/program/sessions/${f.session}`),
  },
  { name: 'release page', method: 'GET', kind: 'page', permission: 'organization:read', prepare: sharedEvent, path: (w, f) => page(w, f, '/releases') },
  {
    name: 'new session form',
    method: 'GET',
    kind: 'page',
    permission: 'program:write',
    prepare: sharedEvent,
    path: (w, f) => page(w, f, '/program/sessions/new?day=2030-06-10&start=11:00'),
  },

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
  { name: 'event settings form', method: 'POST', kind: 'page', permission: 'event:write', prepare: anEventOfA, path: (w, f) => page(w, f), body: settingsForm },
  { name: 'publish event button', method: 'POST', kind: 'page', permission: 'event:write', prepare: anEventOfA, path: (w, f) => page(w, f, '/publish') },
  { name: 'archive event button', method: 'POST', kind: 'page', permission: 'event:write', prepare: anEventOfA, path: (w, f) => page(w, f, '/archive') },
  {
    name: 'add room form',
    method: 'POST',
    kind: 'page',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, '/rooms'),
    body: () => ({ name: 'Salle 2', capacity: '50' }),
  },
  {
    name: 'edit room form',
    method: 'POST',
    kind: 'page',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, `/rooms/${f.spareRoom}`),
    body: () => ({ name: 'Salle renommée', capacity: '' }),
  },
  {
    name: 'delete room button',
    method: 'POST',
    kind: 'page',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, `/rooms/${f.spareRoom}/delete`),
  },
  {
    name: 'add track form',
    method: 'POST',
    kind: 'page',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, '/tracks'),
    body: () => ({ nameFr: 'Santé', nameEn: '', colour: '#b45309' }),
  },
  {
    name: 'edit track form',
    method: 'POST',
    kind: 'page',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, `/tracks/${f.spareTrack}`),
    body: () => ({ nameFr: 'Renommé', nameEn: '', colour: '#000000' }),
  },
  {
    name: 'delete track button',
    method: 'POST',
    kind: 'page',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, `/tracks/${f.spareTrack}/delete`),
  },
  {
    name: 'add speaker form',
    method: 'POST',
    kind: 'page',
    permission: 'speakers:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, '/speakers'),
    body: speakerForm,
  },
  {
    name: 'edit speaker form',
    method: 'POST',
    kind: 'page',
    permission: 'speakers:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, `/speakers/${f.speaker}`),
    body: speakerForm,
  },
  {
    name: 'invite speaker button',
    method: 'POST',
    kind: 'page',
    permission: 'speakers:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, `/speakers/${f.speaker}/invite`),
  },
  {
    name: 'add session form',
    method: 'POST',
    kind: 'page',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, '/program/sessions'),
    body: (_w, f) => sessionForm(f, '11:00', '12:00'),
  },
  {
    name: 'edit session form',
    method: 'POST',
    kind: 'page',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, `/program/sessions/${f.session}`),
    body: (_w, f) => sessionForm(f, '14:00', '15:00'),
  },
  {
    name: 'delete session button',
    method: 'POST',
    kind: 'page',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, `/program/sessions/${f.session}/delete`),
  },
  {
    name: 'move session (drag and drop)',
    method: 'POST',
    kind: 'page',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, `/program/sessions/${f.session}/move`),
    body: (_w, f) => ({ roomId: f.spareRoom, date: '2030-06-11', time: '10:00' }),
  },
  {
    name: 'publish release form',
    method: 'POST',
    kind: 'page',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (w, f) => page(w, f, '/releases'),
    body: () => ({ note: 'Version de la tenance' }),
  },
  {
    name: 'invite a speaker',
    method: 'POST',
    kind: 'api',
    permission: 'speakers:write',
    prepare: anEventOfA,
    path: (_w, f) => `/api/v1/speakers/${f.speaker}/invite`,
  },
];
