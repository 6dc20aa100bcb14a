import type { Permission } from '@palabre/platform';
import type { OrganizerRoute, TenancyWorld } from './organizer-routes';
import { FORUM } from './program';
import { Below, eventRoute } from './program-admin-routes';

type Fixture = Record<string, string>;

let counter = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++counter}`;

/**
 * An event of A with one registration added at the desk by A's owner (with an email and a
 * phone, so its link can be resent by either); `over` puts the event last week, so it may be anonymized.
 */
async function anEventWithARegistration(world: TenancyWorld, over = false): Promise<Fixture> {
  const slug = unique('inscriptions');
  const dates = over ? { ...FORUM, startsAt: '2026-06-01T08:00:00Z', endsAt: '2026-06-02T18:00:00Z' } : FORUM;
  const created = await world.asOwner(`/api/v1/organizations/${world.a.owner.organizationSlug}/events`, 'POST', {
    slug,
    title: { fr: 'Forum des inscriptions' },
    ...dates,
  });
  if (created.status !== 201) throw new Error(`event: ${created.status} ${await created.text()}`);
  const added = await world.asOwner(`/api/v1/events/${slug}/registrations/desk`, 'POST', {
    firstName: 'Awa',
    lastName: 'Traoré',
    email: `${unique('awa')}@example.ml`,
    // A phone too, so that the ticket can be sent again by SMS.
    phone: `+22366${String(++counter).padStart(6, '0')}`,
  });
  if (added.status !== 201) throw new Error(`registration: ${added.status} ${await added.text()}`);
  return { slug, reference: ((await added.json()) as { reference: string }).reference };
}

const shared = new WeakMap<TenancyWorld, Promise<Fixture>>();
const sharedEvent = (world: TenancyWorld): Promise<Fixture> => {
  if (!shared.has(world)) shared.set(world, anEventWithARegistration(world));
  return shared.get(world)!;
};

/** A route on an event of A with a registration: a read shares one, a write gets its own (`over`: of an event last week). */
const route = (
  kind: 'api' | 'page',
  method: OrganizerRoute['method'],
  name: string,
  permission: Permission,
  rest: Below,
  options: { body?: OrganizerRoute['body']; over?: boolean } = {},
): OrganizerRoute =>
  eventRoute(kind, method, name, permission, rest, options.body, { shared: sharedEvent, fresh: (w) => anEventWithARegistration(w, options.over) });

const aDeskBody = () => ({ firstName: 'Moussa', lastName: 'Sangaré', email: `${unique('moussa')}@example.ml` });

/** The organizers' registrations: the API and the back-office pages. */
export const REGISTRATION_ROUTES: OrganizerRoute[] = [
  route('api', 'GET', 'list registrations', 'registrations:read', '/registrations?q=awa&status=confirmed'),
  route('api', 'GET', 'export registrations (CSV)', 'registrations:read', '/registrations.csv'),
  route('api', 'GET', 'registrations summary', 'registrations:read', '/registrations/summary'),
  route('api', 'GET', 'one registration', 'registrations:read', (f) => `/registrations/${f.reference}`),
  route('api', 'POST', 'add a registration at the desk', 'registrations:add', '/registrations/desk', { body: aDeskBody }),
  route('api', 'POST', 'cancel a registration', 'registrations:write', (f) => `/registrations/${f.reference}/cancel`),
  route('api', 'POST', 'resend a registration’s link', 'registrations:write', (f) => `/registrations/${f.reference}/resend`),
  route('api', 'POST', 'resend a registration’s ticket by SMS', 'registrations:write', (f) => `/registrations/${f.reference}/resend-sms`),
  route('api', 'POST', 'anonymize registrations', 'registrations:write', '/registrations/anonymize', { over: true }),

  route('page', 'GET', 'registrations page', 'registrations:read', '/registrations?q=awa'),
  route('page', 'GET', 'registration page', 'registrations:read', (f) => `/registrations/${f.reference}`),
  route('page', 'GET', 'desk form', 'registrations:add', '/registrations/new'),
  route('page', 'POST', 'desk form (add someone)', 'registrations:add', '/registrations', {
    body: () => ({ firstName: 'Moussa', lastName: 'Sangaré', email: `${unique('moussa')}@example.ml`, phone: '', locale: 'fr' }),
  }),
  route('page', 'POST', 'cancel button', 'registrations:write', (f) => `/registrations/${f.reference}/cancel`),
  route('page', 'POST', 'resend button', 'registrations:write', (f) => `/registrations/${f.reference}/resend`),
  route('page', 'POST', 'resend by SMS button', 'registrations:write', (f) => `/registrations/${f.reference}/resend-sms`),
  route('page', 'POST', 'anonymize button', 'registrations:write', '/registrations/anonymize', { over: true, body: () => ({ confirm: 'oui' }) }),
];
