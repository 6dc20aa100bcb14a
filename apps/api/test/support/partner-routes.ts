import { aPng } from '@palabre/testing';
import type { Permission } from '@palabre/platform';
import { anOrganizer, TestOrganizer } from './organizers';
import type { OrganizerRoute, TenancyWorld } from './organizer-routes';
import { anEventOfA, eventRoute, sharedEvent } from './program-admin-routes';
import { at, FORUM } from './program';
import { json } from './test-app';

let counter = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++counter}`;
/** A reporting year no other call has used: a submitted year no longer changes. */
let years = 2000;
const freshYear = () => String(++years);

type Fixture = Record<string, string>;

async function ok<T>(res: Response, what: string): Promise<T> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return json<T>(res);
}

/** A partner organization's member (program role) on the lead's event, to fill in figures. */
async function partnerStaff(world: TenancyWorld, partnerSlug: string): Promise<TestOrganizer> {
  return anOrganizer(world.t, { organization: partnerSlug, role: 'program' });
}

/** An event of A with one partner (a new organization) whose figures for a year are submitted: what the lead reviews. */
async function submittedFigures(world: TenancyWorld, base: Promise<Fixture>): Promise<Fixture> {
  const f = await base;
  const invited = await ok<{ partner: { id: string; slug: string } }>(
    await world.asOwner(`/api/v1/events/${f.slug}/partners`, 'POST', { name: unique('ONG partenaire'), email: `${unique('ong')}@example.org` }),
    'partner',
  );
  const staff = await partnerStaff(world, invited.partner.slug);
  const year = freshYear();
  const area = `/api/v1/organizations/${invited.partner.slug}/partnerships/${f.slug}/figures/${year}`;
  await ok(
    await world.t.fetch(area, { method: 'PUT', headers: staff.headers, body: JSON.stringify({ values: [{ indicator: 'employed', value: 12 }] }) }),
    'figures',
  );
  await ok(await world.t.fetch(`${area}/submit`, { method: 'POST', headers: { authorization: staff.headers.authorization } }), 'submit');
  return { ...f, partner: invited.partner.id, year };
}

/** The lead's shared event with one partner, for reads. */
const leadShared = new WeakMap<TenancyWorld, Promise<Fixture>>();
const sharedWithPartner = (world: TenancyWorld): Promise<Fixture> => {
  if (!leadShared.has(world)) leadShared.set(world, submittedFigures(world, sharedEvent(world)));
  return leadShared.get(world)!;
};

const lead = (name: string, method: OrganizerRoute['method'], permission: Permission, rest: string | ((f: Fixture) => string), body?: OrganizerRoute['body']) =>
  eventRoute('api', method, name, permission, rest, body);

/** A route of the lead about a partner's submitted figures: a fresh event, partner and submission for each call. */
const review = (kind: 'api' | 'page', name: string, decision: 'accept' | 'send-back', body?: OrganizerRoute['body']): OrganizerRoute => ({
  ...eventRoute(kind, 'POST', name, 'partners:manage', (f) => `/partners/${f.partner}/figures/${f.year}/${decision}`, body),
  prepare: (w) => submittedFigures(w, anEventOfA(w)),
});

/**
 * Organization A as a partner: another organization (the lead) runs an event and invites A by
 * its name; A's owner posts an opportunity. Made once per world: the partner routes act in it.
 */
const partnerShared = new WeakMap<TenancyWorld, Promise<Fixture>>();
function aPartnershipOfA(world: TenancyWorld): Promise<Fixture> {
  if (!partnerShared.has(world)) {
    partnerShared.set(
      world,
      (async () => {
        const leadOrg = await anOrganizer(world.t, { organization: unique('Ministère') });
        const slug = unique('forum-lead');
        const leadCall = (path: string, body: unknown) =>
          world.t.fetch(`/api/v1${path}`, { method: 'POST', headers: leadOrg.headers, body: JSON.stringify(body) });
        await ok(await leadCall(`/organizations/${leadOrg.organizationSlug}/events`, { slug, title: { fr: 'Forum d’un autre' }, ...FORUM }), 'event');
        const orgName = (
          await ok<{ items: { slug: string; name: string }[] }>(await world.t.fetch('/api/v1/organizations', { headers: world.a.owner.headers }), 'orgs')
        ).items.find((o) => o.slug === world.a.owner.organizationSlug)!.name;
        await ok(await leadCall(`/events/${slug}/partners`, { name: orgName, email: 'ignored@example.org' }), 'partner');
        const f: Fixture = { slug };
        f.opportunity = (await anOpportunity(world, f)).opportunity;
        return f;
      })(),
    );
  }
  return partnerShared.get(world)!;
}

const areaApi = (w: TenancyWorld, f: Fixture, rest = '') => `/api/v1/organizations/${w.a.owner.organizationSlug}/partnerships/${f.slug}${rest}`;
const areaPage = (w: TenancyWorld, f: Fixture, rest = '') => `/admin/o/${w.a.owner.organizationSlug}/partenariats/${f.slug}${rest}`;

async function anOpportunity(world: TenancyWorld, f: Fixture): Promise<Fixture> {
  const posted = await ok<{ id: string }>(
    await world.t.fetch(areaApi(world, f, '/opportunities'), {
      method: 'POST',
      headers: world.a.owner.headers,
      body: JSON.stringify({ kind: 'job', title: 'Offre', region: 'bamako', deadline: '2099-12-31', howToApply: 'Par e-mail', acceptsContacts: true }),
    }),
    'opportunity',
  );
  return { ...f, opportunity: posted.id };
}

const opportunityBody = () => ({ kind: 'training', title: unique('Formation'), region: 'kayes', deadline: '2099-12-31', howToApply: 'Sur place' });

/** A route of A's partner area: `api` under /api/v1/organizations/A/partnerships/{slug}, `page` under /admin/o/A/partenariats/{slug}. */
function partner(
  kind: 'api' | 'page',
  method: OrganizerRoute['method'],
  name: string,
  permission: Permission,
  rest: string | ((f: Fixture) => string),
  extra: Partial<OrganizerRoute> = {},
): OrganizerRoute {
  const where = typeof rest === 'string' ? () => rest : rest;
  return {
    ...eventRoute(kind, method, name, permission, ''),
    prepare: aPartnershipOfA,
    path: (w, f) => (kind === 'api' ? areaApi : areaPage)(w, f, where(f)),
    ...extra,
  };
}

const logo = { field: 'logo', type: 'image/png', bytes: async () => new Uint8Array(await aPng(120, 60)) };

/**
 * The partners' routes. The lead's (an event of A, `partners:manage` to write), and a partner's
 * area (A as the partner of another organization's event, `partner:read` / `partner:write` in A):
 * another organization — a stranger, another partner or the lead — gets 404 there.
 */
export const PARTNER_ROUTES: OrganizerRoute[] = [
  lead('invite a partner', 'POST', 'partners:manage', '/partners', () => ({ name: unique('ONG invitée'), email: `${unique('ong')}@example.org` })),
  lead('list partners', 'GET', 'organization:read', '/partners'),
  { ...lead('one partner', 'GET', 'organization:read', (f) => `/partners/${f.partner}`), prepare: sharedWithPartner },
  lead('the partner catalog', 'GET', 'organization:read', '/partner-catalog'),
  lead('add a sector', 'POST', 'partners:manage', '/partner-catalog/sectors', () => ({ label: { fr: unique('Artisanat') } })),
  lead('add an indicator', 'POST', 'partners:manage', '/partner-catalog/indicators', () => ({ label: { fr: unique('Artisans formés') } })),
  { ...lead('partners’ figures to review', 'GET', 'organization:read', '/partner-figures'), prepare: sharedWithPartner },
  review('api', 'accept figures', 'accept'),
  review('api', 'send figures back', 'send-back', () => ({ comment: 'Précisez la source.' })),
  eventRoute('page', 'GET', 'partners tab', 'organization:read', '/partners'),
  eventRoute('page', 'POST', 'invite form', 'partners:manage', '/partners', () => ({
    name: unique('ONG du formulaire'),
    email: `${unique('ong')}@example.org`,
  })),
  review('page', 'accept button', 'accept'),
  review('page', 'send-back form', 'send-back', () => ({ comment: 'Précisez la source.' })),

  partner('api', 'GET', 'the partner’s profile', 'partner:read', ''),
  partner('api', 'PATCH', 'edit the profile', 'partner:write', '', { body: () => ({ regions: ['bamako', 'gao'] }) }),
  partner('api', 'PUT', 'upload the logo', 'partner:write', '/logo', { upload: logo }),
  partner('api', 'GET', 'the partner’s figures', 'partner:read', '/figures'),
  partner('api', 'PUT', 'save figures', 'partner:write', () => `/figures/${freshYear()}`, { body: () => ({ values: [{ indicator: 'employed', value: 3 }] }) }),
  partner('api', 'POST', 'submit figures', 'partner:write', (f) => `/figures/${f.year}/submit`, {
    prepare: async (w) => {
      const f = await aPartnershipOfA(w);
      const year = freshYear();
      await ok(
        await w.t.fetch(areaApi(w, f, `/figures/${year}`), {
          method: 'PUT',
          headers: w.a.owner.headers,
          body: JSON.stringify({ values: [{ indicator: 'employed', value: 4 }] }),
        }),
        'draft',
      );
      return { ...f, year };
    },
  }),
  partner('api', 'GET', 'the partner’s opportunities', 'partner:read', '/opportunities'),
  partner('api', 'POST', 'post an opportunity', 'partner:write', '/opportunities', { body: opportunityBody }),
  partner('api', 'DELETE', 'remove an opportunity', 'partner:write', (f) => `/opportunities/${f.opportunity}`, {
    prepare: async (w) => anOpportunity(w, await aPartnershipOfA(w)),
  }),
  partner('api', 'GET', 'contacts left for an opportunity', 'partner:write', (f) => `/opportunities/${f.opportunity}/interests`),
  partner('api', 'GET', 'the partner’s sessions', 'partner:read', '/sessions'),
  partner('api', 'POST', 'propose a session', 'partner:write', '/sessions', {
    body: () => ({ title: { fr: unique('Atelier') }, type: 'workshop', startsAt: at(2, '10:00'), endsAt: at(2, '11:00') }),
  }),
  { name: 'partnerships page', method: 'GET', kind: 'page', permission: 'partner:read', path: (w) => `/admin/o/${w.a.owner.organizationSlug}/partenariats` },
  partner('page', 'GET', 'partner area page', 'partner:read', ''),
  partner('page', 'POST', 'profile form', 'partner:write', '/profil', { body: () => ({ name: 'Organisation A', regions: 'kayes' }) }),
  partner('page', 'POST', 'logo form', 'partner:write', '/logo', { upload: logo }),
  partner('page', 'POST', 'figures form', 'partner:write', '/chiffres', { body: () => ({ year: freshYear(), 'value-employed': '7', action: 'save' }) }),
  partner('page', 'POST', 'opportunity form', 'partner:write', '/opportunites', { body: opportunityBody }),
  partner('page', 'GET', 'contacts page', 'partner:write', (f) => `/opportunites/${f.opportunity}`),
  partner('page', 'POST', 'session proposal form', 'partner:write', '/seances', {
    body: () => ({ titleFr: unique('Atelier'), type: 'workshop', day: '2030-06-11', from: '15:00', to: '16:00' }),
  }),
];
