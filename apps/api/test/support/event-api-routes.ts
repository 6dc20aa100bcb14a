import type { OrganizerRoute, TenancyWorld } from './organizer-routes';
import { anEventOfA, sharedEvent } from './program-admin-routes';
import { at, FORUM } from './program';

let counter = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++counter}`;

const api = (f: Record<string, string>, rest = '') => `/api/v1/events/${f.slug}${rest}`;

/**
 * The event-scoped organizer API: events, rooms and tracks, speakers, the working draft and
 * its releases. Writes act on a fresh event of A (see anEventOfA); reads share one.
 */
export const EVENT_API_ROUTES: OrganizerRoute[] = [
  {
    name: 'create an event',
    method: 'POST',
    kind: 'api',
    permission: 'event:write',
    path: (w: TenancyWorld) => `/api/v1/organizations/${w.a.owner.organizationSlug}/events`,
    body: () => ({ slug: unique('forum-api'), title: { fr: 'Forum créé' }, ...FORUM }),
  },
  {
    name: 'list the organization’s events',
    method: 'GET',
    kind: 'api',
    permission: 'organization:read',
    path: (w) => `/api/v1/organizations/${w.a.owner.organizationSlug}/events`,
  },
  { name: 'event settings', method: 'GET', kind: 'api', permission: 'organization:read', prepare: sharedEvent, path: (_w, f) => api(f, '/settings') },
  {
    name: 'edit an event',
    method: 'PATCH',
    kind: 'api',
    permission: 'event:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f),
    body: () => ({ venueName: 'CICB' }),
  },
  { name: 'publish an event', method: 'POST', kind: 'api', permission: 'event:write', prepare: anEventOfA, path: (_w, f) => api(f, '/publish') },
  { name: 'archive an event', method: 'POST', kind: 'api', permission: 'event:write', prepare: anEventOfA, path: (_w, f) => api(f, '/archive') },

  {
    name: 'add a room',
    method: 'POST',
    kind: 'api',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, '/rooms'),
    body: () => ({ name: 'Salle 2' }),
  },
  { name: 'list rooms', method: 'GET', kind: 'api', permission: 'organization:read', prepare: sharedEvent, path: (_w, f) => api(f, '/rooms') },
  {
    name: 'edit a room',
    method: 'PATCH',
    kind: 'api',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, `/rooms/${f.spareRoom}`),
    body: () => ({ name: 'Salle renommée' }),
  },
  { name: 'delete a room', method: 'DELETE', kind: 'api', permission: 'program:write', prepare: anEventOfA, path: (_w, f) => api(f, `/rooms/${f.spareRoom}`) },
  {
    name: 'add a track',
    method: 'POST',
    kind: 'api',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, '/tracks'),
    body: () => ({ name: { fr: 'Santé' }, colour: '#b45309' }),
  },
  { name: 'list tracks', method: 'GET', kind: 'api', permission: 'organization:read', prepare: sharedEvent, path: (_w, f) => api(f, '/tracks') },
  {
    name: 'edit a track',
    method: 'PATCH',
    kind: 'api',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, `/tracks/${f.spareTrack}`),
    body: () => ({ colour: '#000000' }),
  },
  {
    name: 'delete a track',
    method: 'DELETE',
    kind: 'api',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, `/tracks/${f.spareTrack}`),
  },

  {
    name: 'add a speaker',
    method: 'POST',
    kind: 'api',
    permission: 'speakers:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, '/speakers'),
    body: () => ({ name: 'Mariam Sidibé' }),
  },
  {
    name: 'one speaker profile',
    method: 'GET',
    kind: 'api',
    permission: 'organization:read',
    prepare: sharedEvent,
    path: (_w, f) => api(f, `/speakers/${f.speaker}`),
  },
  {
    name: 'edit a speaker',
    method: 'PATCH',
    kind: 'api',
    permission: 'speakers:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, `/speakers/${f.speaker}`),
    body: () => ({ title: 'Directrice' }),
  },
  {
    name: 'a speaker’s agenda link',
    method: 'POST',
    kind: 'api',
    permission: 'speakers:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, `/speakers/${f.speaker}/agenda-link`),
  },

  {
    name: 'add a session',
    method: 'POST',
    kind: 'api',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, '/program/sessions'),
    body: (_w, f) => ({ type: 'plenary', title: { fr: 'Plénière' }, startsAt: at(1, '11:00'), endsAt: at(1, '12:00'), roomId: f.spareRoom }),
  },
  {
    name: 'the working draft',
    method: 'GET',
    kind: 'api',
    permission: 'organization:read',
    prepare: sharedEvent,
    path: (_w, f) => api(f, '/program/sessions'),
  },
  {
    name: 'one draft session',
    method: 'GET',
    kind: 'api',
    permission: 'organization:read',
    prepare: sharedEvent,
    path: (_w, f) => api(f, `/program/sessions/${f.session}`),
  },
  {
    name: 'edit a session',
    method: 'PATCH',
    kind: 'api',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, `/program/sessions/${f.session}`),
    body: () => ({ title: { fr: 'Ouverture officielle' } }),
  },
  {
    name: 'delete a session',
    method: 'DELETE',
    kind: 'api',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, `/program/sessions/${f.session}`),
  },
  {
    name: 'publish a release',
    method: 'POST',
    kind: 'api',
    permission: 'program:write',
    prepare: anEventOfA,
    path: (_w, f) => api(f, '/program/releases'),
    body: () => ({ note: 'Version de la tenance' }),
  },
  { name: 'list releases', method: 'GET', kind: 'api', permission: 'organization:read', prepare: sharedEvent, path: (_w, f) => api(f, '/program/releases') },
  {
    name: 'preview the next release',
    method: 'GET',
    kind: 'api',
    permission: 'organization:read',
    prepare: sharedEvent,
    path: (_w, f) => api(f, '/program/releases/preview'),
  },
];
