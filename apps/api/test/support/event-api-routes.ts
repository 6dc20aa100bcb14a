import type { Permission } from '@palabre/platform';
import type { OrganizerRoute, TenancyWorld } from './organizer-routes';
import { Below, eventRoute } from './program-admin-routes';
import { at, FORUM } from './program';

let counter = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++counter}`;

/** A read of the shared event, open to whoever may read the organization. */
const aRead = (name: string, rest: Below) => eventRoute('api', 'GET', name, 'organization:read', rest);
/** A write to a fresh event of A. */
const aWrite = (method: OrganizerRoute['method'], name: string, permission: Permission, rest: Below, body?: OrganizerRoute['body']) =>
  eventRoute('api', method, name, permission, rest, body);

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
  aRead('event settings', '/settings'),
  aWrite('PATCH', 'edit an event', 'event:write', '', () => ({ venueName: 'CICB' })),
  aWrite('POST', 'publish an event', 'event:write', '/publish'),
  aWrite('POST', 'archive an event', 'event:write', '/archive'),

  aWrite('POST', 'add a room', 'program:write', '/rooms', () => ({ name: 'Salle 2' })),
  aRead('list rooms', '/rooms'),
  aWrite(
    'PATCH',
    'edit a room',
    'program:write',
    (f) => `/rooms/${f.spareRoom}`,
    () => ({ name: 'Salle renommée' }),
  ),
  aWrite('DELETE', 'delete a room', 'program:write', (f) => `/rooms/${f.spareRoom}`),
  aWrite('POST', 'add a track', 'program:write', '/tracks', () => ({ name: { fr: 'Santé' }, colour: '#b45309' })),
  aRead('list tracks', '/tracks'),
  aWrite(
    'PATCH',
    'edit a track',
    'program:write',
    (f) => `/tracks/${f.spareTrack}`,
    () => ({ colour: '#000000' }),
  ),
  aWrite('DELETE', 'delete a track', 'program:write', (f) => `/tracks/${f.spareTrack}`),

  aWrite('POST', 'add a speaker', 'speakers:write', '/speakers', () => ({ name: 'Mariam Sidibé' })),
  aRead('one speaker profile', (f) => `/speakers/${f.speaker}`),
  aWrite(
    'PATCH',
    'edit a speaker',
    'speakers:write',
    (f) => `/speakers/${f.speaker}`,
    () => ({ title: 'Directrice' }),
  ),
  aWrite('POST', 'a speaker’s agenda link', 'speakers:write', (f) => `/speakers/${f.speaker}/agenda-link`),

  aWrite('POST', 'add a session', 'program:write', '/program/sessions', (_w, f) => ({
    type: 'plenary',
    title: { fr: 'Plénière' },
    startsAt: at(1, '11:00'),
    endsAt: at(1, '12:00'),
    roomId: f.spareRoom,
  })),
  aRead('the working draft', '/program/sessions'),
  aRead('one draft session', (f) => `/program/sessions/${f.session}`),
  aWrite(
    'PATCH',
    'edit a session',
    'program:write',
    (f) => `/program/sessions/${f.session}`,
    () => ({ title: { fr: 'Ouverture officielle' } }),
  ),
  aWrite('DELETE', 'delete a session', 'program:write', (f) => `/program/sessions/${f.session}`),
  aWrite('POST', 'publish a release', 'program:write', '/program/releases', () => ({ note: 'Version de la tenance' })),
  aRead('list releases', '/program/releases'),
  aRead('preview the next release', '/program/releases/preview'),

  aWrite('POST', 'check a ticket in', 'checkin:write', '/check-ins', () => ({ code: 'ABCD-EFGH-JKLM-NPQR' })),
  aWrite('POST', 'send a desk’s queued scans', 'checkin:write', '/check-ins/batch', () => ({
    deviceId: unique('desk'),
    scans: [{ nonce: unique('scan'), code: 'ABCD-EFGH-JKLM-NPQR', scannedAt: '2026-06-10T08:00:00Z' }],
  })),
  eventRoute('api', 'GET', 'the desks’ roster', 'checkin:write', '/check-ins/roster'),
];
