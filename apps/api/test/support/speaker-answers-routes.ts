import type { OrganizerRoute, TenancyWorld } from './organizer-routes';
import { anEventOfA } from './program-admin-routes';

type Fixture = Record<string, string>;

/** An event of A (see anEventOfA) with a stored CSV import preview and a second profile to merge. */
async function withImport(world: TenancyWorld): Promise<Fixture> {
  const f = await anEventOfA(world);
  const api = (path: string, body: unknown) => world.asOwner(`/api/v1/events/${f.slug}${path}`, 'POST', body);
  const imp = await api('/speakers/imports', { csv: 'name,email\nMoussa Keïta,moussa@example.org\n' });
  if (imp.status !== 201) throw new Error(`import: ${imp.status} ${await imp.text()}`);
  const other = await api('/speakers', { name: 'Awa Traore (doublon)' });
  if (other.status !== 201) throw new Error(`speaker: ${other.status} ${await other.text()}`);
  return { ...f, import: ((await imp.json()) as { id: string }).id, other: ((await other.json()) as { id: string }).id };
}

const api = (method: OrganizerRoute['method'], name: string, rest: (f: Fixture) => string, body?: OrganizerRoute['body']): OrganizerRoute => ({
  name,
  method,
  kind: 'api',
  permission: 'speakers:write',
  prepare: withImport,
  path: (_w, f) => `/api/v1/events/${f.slug}${rest(f)}`,
  ...(body ? { body } : {}),
});

const page = (method: OrganizerRoute['method'], name: string, rest: (f: Fixture) => string, body?: OrganizerRoute['body']): OrganizerRoute => ({
  name,
  method,
  kind: 'page',
  permission: 'speakers:write',
  prepare: withImport,
  path: (w, f) => `/admin/o/${w.a.owner.organizationSlug}/events/${f.slug}${rest(f)}`,
  ...(body ? { body } : {}),
});

/** CSV import of speakers and the merge of two profiles: the API and the back-office pages. */
export const SPEAKER_ANSWER_ROUTES: OrganizerRoute[] = [
  api(
    'POST',
    'preview a speaker CSV import',
    () => '/speakers/imports',
    () => ({ csv: 'name\nAïcha Diarra\n' }),
  ),
  api('GET', 'a speaker import preview', (f) => `/speakers/imports/${f.import}`),
  api('POST', 'commit a speaker import', (f) => `/speakers/imports/${f.import}/commit`),
  api('DELETE', 'cancel a speaker import', (f) => `/speakers/imports/${f.import}`),
  api(
    'POST',
    'merge two speaker profiles',
    (f) => `/speakers/${f.speaker}/merge`,
    (_w, f) => ({ otherId: f.other }),
  ),
  page('GET', 'speaker import page', () => '/speakers/import'),
  page(
    'POST',
    'speaker import form',
    () => '/speakers/import',
    () => ({ csv: 'name\nAïcha Diarra\n' }),
  ),
  page('GET', 'speaker import preview page', (f) => `/speakers/import/${f.import}`),
  page('POST', 'speaker import commit button', (f) => `/speakers/import/${f.import}/commit`),
  page('POST', 'speaker import cancel button', (f) => `/speakers/import/${f.import}/cancel`),
  page(
    'POST',
    'merge speaker profiles form',
    (f) => `/speakers/${f.speaker}/merge`,
    (_w, f) => ({ otherId: f.other }),
  ),
];
