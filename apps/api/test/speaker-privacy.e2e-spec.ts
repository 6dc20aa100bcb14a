import { DataSource } from 'typeorm';
import { declaredRoutes } from './support/declared-routes';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aPartner } from './support/partners';
import { aKeynote, aPanel, aWorkshop, ProgramApi } from './support/program';
import { suiteApp } from './support/test-app';

/**
 * Speakers' private fields (email, phone) never leave the back office: every public route of an
 * event whose speakers all have them — pages, JSON, exports, calendars, a speaker's own agenda —
 * is read in both languages and none of them appears. New public routes join the walk by
 * themselves; one whose parameters the walk cannot fill fails the test until it says how.
 */
describe('speakers’ private fields on public routes', () => {
  let owner: TestOrganizer;
  let p: ProgramApi;
  let partnerSlug: string;
  const speakers = [
    { name: 'Aminata Diallo', email: 'aminata.prive@example.ml', phone: '+223 76 11 22 33' },
    { name: 'Boubacar Traoré', email: 'boubacar.prive@example.ml', phone: '+223 66 44 55 66' },
    { name: 'Coumba Sissoko', email: 'coumba.prive@example.ml', phone: '+223 79 77 88 99' },
    { name: 'Drissa Koné', email: 'drissa.prive@example.ml', phone: '+223 65 12 34 56' },
  ];
  const ids: string[] = [];
  const sessions: { id: string; number: number }[] = [];
  const agendaTokens = new Map<string, string>();

  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t);
    p = await ProgramApi.newEvent(t, owner);
    // A partner of the event, whose public page lists its sessions.
    partnerSlug = (await aPartner(p, 'Sahel Emploi')).member.organizationSlug;
    await p.publishEvent();
    for (const s of speakers) ids.push(await p.speaker(s.name, { ...s, bio: { fr: `Bio de ${s.name}` }, links: [{ url: 'https://example.ml/profil' }] }));
    const [a, b, c] = [await p.room(), await p.room(), await p.room()];
    sessions.push(await p.session(aPanel().titled('Panel').on(1, '09:00', '10:00').inRoom(a).withModerator(ids[0]).withPanelists(ids[1], ids[2])));
    sessions.push(await p.session(aKeynote().titled('Ouverture').on(1, '10:30', '11:00').inRoom(b).withSpeakers(ids[3])));
    sessions.push(await p.session(aWorkshop().titled('Atelier').on(2, '09:00', '11:00').inRoom(c).withHost(ids[1]).with({ capacity: 20 })));
    expect((await p.release()).status).toBe(201);
    // A second release that moves a session: its emails to the people concerned are checked too.
    expect((await p.moveSession(sessions[0].id, { startsAt: '2030-06-10T14:00:00Z', endsAt: '2030-06-10T15:00:00Z' })).status).toBe(200);
    expect((await p.release('Déplacé')).status).toBe(201);
    for (const id of ids) {
      const { url } = await p.ok<{ url: string }>('POST', `/speakers/${id}/agenda-link`);
      agendaTokens.set(id, new URL(url).searchParams.get('token')!);
    }
  });

  /** What must never show: each address and each phone, as typed and in its digits only (c3voc and ics fold or reformat). */
  const secrets = () => speakers.flatMap((s) => [s.email, s.email.split('@')[0], s.phone, s.phone.replace(/\D/g, ''), s.phone.replace(/\s/g, '')]);

  /** The concrete URLs of a public GET route of the event, or null when the walk does not know its parameters. */
  function concrete(path: string): string[] | null {
    if (!path.includes(':')) return [path];
    // A participant's own pages and API (their token opens only their registration) and a certificate's check carry no speaker data.
    if (/^\/(api\/v1\/registrations|r|verifier|assets|media)\//.test(path)) return [];
    let urls = [path];
    const fill = (param: string, values: string[]) => (urls = urls.flatMap((u) => (u.includes(param) ? values.map((v) => u.replace(param, v)) : [u])));
    fill(':slug', [p.slug]);
    fill(':partner', [partnerSlug]);
    if (path.startsWith('/api/v1/speakers/:id/agenda.ics')) return ids.map((id) => `/api/v1/speakers/${id}/agenda.ics?token=${agendaTokens.get(id)}`);
    fill(
      ':number',
      sessions.map((s) => String(s.number)),
    );
    fill(
      ':id',
      sessions.map((s) => s.id),
    );
    return urls.some((u) => u.includes(':')) ? null : urls;
  }

  it('finds no email or phone on any public route, in French or English', async () => {
    // Organizer routes (a permission) and signed-in spaces are left out; the rest is what anyone may read.
    const publicRoutes = declaredRoutes(t.app).filter(
      (r) => r.method === 'GET' && r.permission === undefined && !/^\/(admin|intervenant|health|metrics)(\/|$)/.test(r.path),
    );
    const unknown = publicRoutes.filter((r) => concrete(r.path) === null).map((r) => r.path);
    expect(unknown).toEqual([]);
    const urls = publicRoutes.flatMap((r) => concrete(r.path)!);
    urls.push(`/e/${p.slug}/programme?jour=tous`, `/api/v1/events/${p.slug}/speakers?page=1&pageSize=500`);
    // Everything an event offers the public is in the walk.
    for (const must of [
      '/e/:slug',
      '/e/:slug/intervenants',
      '/api/v1/events/:slug/speakers',
      '/api/v1/events/:slug/schedule.xml',
      '/api/v1/events/:slug/schedule.json',
      '/api/v1/events/:slug/schedule.ics',
    ]) {
      expect(urls).toContain(must.replace(':slug', p.slug));
    }
    let read = 0;
    for (const url of urls) {
      for (const lang of ['fr', 'en']) {
        const res = await t.fetch(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        const body = await res.text();
        if (res.status === 200) read++;
        const found = secrets().filter((s) => body.includes(s));
        expect([url, lang, found]).toEqual([url, lang, []]);
      }
    }
    // The walk read the speakers' profiles and sessions, not only error pages.
    expect(read).toBeGreaterThan(30);
    expect(await (await t.fetch(`/e/${p.slug}/intervenants`)).text()).toContain('Bio de Coumba Sissoko');
  });

  it('tells each person of a change without the others’ email or phone', async () => {
    const rows = await t.app
      .get(DataSource)
      .query<{ recipient: string; data: unknown }[]>(`SELECT recipient, data FROM outbox_messages WHERE template = 'program.change'`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const mine = speakers.find((s) => s.email === row.recipient)!;
      const others = secrets().filter((s) => !(mine && (s === mine.email || s === mine.email.split('@')[0])));
      const text = JSON.stringify(row.data);
      expect([row.recipient, others.filter((s) => text.includes(s))]).toEqual([row.recipient, []]);
    }
  });
});
