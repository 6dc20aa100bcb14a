import { DEMO_EVENT_SLUG, DEMO_ORGANIZATION } from '@palabre/demo';
import { pageText, sessionTitles, weekday } from './support/html';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aKeynote, ProgramApi } from './support/program';
import { suiteApp } from './support/test-app';

interface DraftSession {
  id: string;
  number: number;
  title: { fr: string; en?: string };
  startsAt: string;
  endsAt: string;
  room: { id: string; name: string } | null;
  people: { speakerId: string; name: string; role: string }[];
}

const SLUG = DEMO_EVENT_SLUG;
const PROGRAM = `/e/${SLUG}/programme`;
const SCRIPT_TITLE = '<script>alert(1)</script>';

describe('public pages follow the latest release', () => {
  const page = async (path: string) => {
    const res = await t.fetch(path, { headers: { accept: 'text/html' } });
    return { res, html: await res.text() };
  };
  const t = suiteApp({ SEED_DEMO: 'true' });

  describe('the demo forum after a second release (published through the API)', () => {
    let org: TestOrganizer;
    let draft: DraftSession[];
    const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
      const res = await t.fetch(`/api/v1/events/${SLUG}${path}`, {
        method,
        headers: org.headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const session = (fr: string) => draft.find((s) => s.title.fr === fr)!;
    /** The weekday of the forum's first (1) or second (2) day, from the seeded dates. */
    let day: (n: 1 | 2, locale: 'fr' | 'en') => string;
    const at = (s: DraftSession, hhmm: string, dayOffset = 0) =>
      new Date(Date.parse(`${s.startsAt.slice(0, 10)}T${hhmm}:00Z`) + dayOffset * 86_400_000).toISOString();

    beforeAll(async () => {
      // The demo organization exists (the seed made it); this organizer joins it as an owner.
      org = await anOrganizer(t, { organization: DEMO_ORGANIZATION });
      // Pages rendered now are cached: the release must replace them.
      expect(pageText((await page(PROGRAM)).html)).toContain('Version 1, publiée le');
      draft = (await call<{ items: DraftSession[] }>('GET', '/program/sessions?pageSize=500')).items;
      const firstDay = draft.map((s) => s.startsAt).sort()[0];
      day = (n, locale) => weekday(new Date(Date.parse(firstDay) + (n - 1) * 86_400_000), locale);
      const speakers = (await call<{ items: { id: string; name: string }[] }>('GET', '/speakers?pageSize=500')).items;
      const health = session('Santé au travail : protéger les jeunes travailleurs');
      const green = session("Emplois verts : l'environnement, un gisement d'emplois");
      const women = session('Femmes et entrepreneuriat');
      await call('PATCH', `/program/sessions/${health.id}`, { startsAt: at(health, '10:00', 1), endsAt: at(health, '11:00', 1) });
      await call('PATCH', `/program/sessions/${green.id}`, { roomId: health.room!.id });
      await call('PATCH', `/program/sessions/${session("Atelier : monter son plan d'affaires").id}`, { status: 'cancelled' });
      const bakary = speakers.find((s) => s.name === 'Bakary Coulibaly')!.id;
      await call('PATCH', `/program/sessions/${women.id}`, {
        people: [...women.people.map((p) => ({ speakerId: p.speakerId, role: p.role })), { speakerId: bakary, role: 'panelist' }],
      });
      const banquets = session("Cérémonie d'ouverture").room!.id;
      await call('POST', '/program/sessions', {
        type: 'keynote',
        title: { fr: SCRIPT_TITLE },
        abstract: { fr: '<img src=x onerror=alert(2)>' },
        startsAt: at(women, '17:30'),
        endsAt: at(women, '18:00'),
        roomId: banquets,
      });
      const release = await call<{ number: number }>('POST', '/program/releases', { note: 'Version 2 <b>revue</b>' });
      expect(release.number).toBe(2);
      // In the working draft only: the public never sees it.
      await call('POST', '/program/sessions', {
        type: 'keynote',
        title: { fr: 'Session non publiée' },
        startsAt: at(women, '16:00'),
        endsAt: at(women, '17:00'),
        roomId: session('Atelier : le numérique pour trouver un emploi').room!.id,
      });
    });

    it('shows release 2 only: the new session, the moved one on its new day, the cancelled one marked so, not the unreleased draft', async () => {
      const { html } = await page(`${PROGRAM}?jour=tous`);
      const text = pageText(html);
      expect(text).toContain('Version 2, publiée le');
      const titles = sessionTitles(html);
      expect(titles).toContain(SCRIPT_TITLE);
      expect(titles).not.toContain('Session non publiée');
      expect(titles).toHaveLength(20);
      const day1 = sessionTitles((await page(PROGRAM)).html);
      expect(day1).not.toContain('Santé au travail : protéger les jeunes travailleurs');
      const day2 = await page(`${PROGRAM}?jour=2`);
      expect(sessionTitles(day2.html)).toContain('Santé au travail : protéger les jeunes travailleurs');
      expect(pageText(day2.html)).toMatch(/10:00–11:00 · Salle 2 Santé au travail : protéger les jeunes travailleurs/);
      expect(text).toMatch(/Atelier : monter son plan d'affaires Annulée Atelier/);
      expect(html).toMatch(
        /class="slot g\d+ k\d+ cancelled"><p class="time">[^]*?Atelier : monter son plan d&#39;affaires|class="slot g\d+ k\d+ cancelled"><p class="time">[^]*?Atelier : monter son plan d'affaires/,
      );
      expect(text).toContain('Panélistes : Awa Diarra, Fatoumata Coulibaly, Djénéba Koné, Bakary Coulibaly');
    });

    it('escapes what organizers typed: a title, an abstract and a note are text, never markup', async () => {
      const program = (await page(`${PROGRAM}?jour=2`)).html;
      // "<" becomes "&lt;" (">" may stay: it cannot open a tag); the reader sees the text as typed.
      expect(program).toContain('&lt;script');
      expect(program).not.toContain('<script');
      expect(sessionTitles(program)).toContain(SCRIPT_TITLE);
      const number = /<a href="\/e\/forum-job-cluster\/programme\/(\d+)">&lt;script/.exec(program)![1];
      const { res, html } = await page(`${PROGRAM}/${number}`);
      expect(res.status).toBe(200);
      expect(html).toMatch(/<h1>&lt;script(&gt;|>)alert\(1\)&lt;\/script(&gt;|>)<\/h1>/);
      expect(pageText(html)).toContain('<img src=x onerror=alert(2)>');
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img');
      const versions = (await page(`${PROGRAM}/versions`)).html;
      expect(versions).toContain('Version 2 &lt;b');
      expect(versions).not.toContain('<b>');
      expect(versions).not.toContain('<script');
    });

    it('tells the release history in plain French words, the latest first', async () => {
      const { html } = await page(`${PROGRAM}/versions`);
      const text = pageText(html);
      expect(text.indexOf('Version 2 en ligne')).toBeGreaterThan(-1);
      expect(text.indexOf('Version 2 en ligne')).toBeLessThan(text.indexOf('Version 1'));
      expect(text).not.toContain('Version 1 en ligne');
      expect(text).toContain('Version 2 <b>revue</b>');
      expect(text).toContain('1 session ajoutée, 1 déplacée, 1 changement de salle, 1 changement d’intervenants, 1 annulée.');
      expect(text).toMatch(new RegExp(`Ajoutée : <script>alert\\(1\\)</script> — ${day(2, 'fr')} \\d+ [^,]+, 17:30–18:00, Salle des Banquets`));
      expect(text).toMatch(
        new RegExp(
          `Déplacée : Santé au travail : protéger les jeunes travailleurs — avant : ${day(1, 'fr')} \\d+ [^,]+, 14:00–15:30 ; désormais : ${day(2, 'fr')} \\d+ [^,]+, 10:00–11:00`,
        ),
      );
      expect(text).toContain("Changement de salle : Emplois verts : l'environnement, un gisement d'emplois — Salle 1 → Salle 2");
      expect(text).toContain('Intervenants modifiés : Femmes et entrepreneuriat — arrivée : Bakary Coulibaly (panéliste)');
      expect(text).toMatch(
        new RegExp(`Annulée : Atelier : monter son plan d'affaires — était prévue : ${day(1, 'fr')} \\d+ [^,]+, 14:00–16:00, Salle Wa Kamissoko`),
      );
      // Each change links to the session's page.
      expect(html).toMatch(/Intervenants modifiés<\/strong> : <a href="\/e\/forum-job-cluster\/programme\/\d+">Femmes et entrepreneuriat<\/a>/);
      expect(text).toContain('Première version du programme : 19 sessions.');
    });

    it('tells it in English too', async () => {
      const text = pageText((await page(`${PROGRAM}/versions?lang=en`)).html);
      expect(text).toContain('Version 2 current');
      expect(text).toContain('1 session added, 1 moved, 1 room change, 1 change of people, 1 cancelled.');
      expect(text).toMatch(
        new RegExp(
          `Moved: Health at work: protecting young workers — before: ${day(1, 'en')} \\d+ [^,]+, 14:00–15:30; now: ${day(2, 'en')} \\d+ [^,]+, 10:00–11:00`,
        ),
      );
      expect(text).toContain('Room changed: Green jobs: the environment as a source of work — Salle 1 → Salle 2');
      expect(text).toContain('People changed: Women and entrepreneurship — joined: Bakary Coulibaly (panelist)');
      expect(text).toMatch(
        new RegExp(`Cancelled: Workshop: building a business plan — was planned: ${day(1, 'en')} \\d+ [^,]+, 14:00–16:00, Salle Wa Kamissoko`),
      );
    });

    it('updates the speakers page and the session pages with the release', async () => {
      const speakers = pageText((await page(`/e/${SLUG}/intervenants`)).html);
      expect(speakers).toMatch(
        new RegExp(
          `Bakary Coulibaly .*Au programme Atelier : monter son plan d'affaires — Intervenant·e, ${day(1, 'fr')} \\d+ [^,]+, 14:00 \\(annulée\\) Femmes et entrepreneuriat — Panéliste`,
        ),
      );
      const women = session('Femmes et entrepreneuriat');
      const text = pageText((await page(`${PROGRAM}/${women.number}`)).html);
      expect(text).toContain('Bakary Coulibaly Conseiller en création d’entreprise, Maison de l’entrepreneur de Kati');
      const cancelled = pageText((await page(`${PROGRAM}/${session("Atelier : monter son plan d'affaires").number}`)).html);
      expect(cancelled).toContain('Cette session est annulée.');
      expect(cancelled).not.toContain('Ajouter à mon agenda');
    });
  });

  describe('events the public must not see, or not yet', () => {
    let owner: TestOrganizer;
    beforeAll(async () => {
      owner = await anOrganizer(t);
    });

    it('answers 404 on every page of a draft event', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      const room = await p.room('Salle A');
      await p.session(aKeynote().titled('Discours').inRoom(room));
      for (const rest of ['', '/programme', '/programme/1', '/programme/versions', '/intervenants']) {
        const { res, html } = await page(`/e/${p.slug}${rest}`);
        expect(res.status).toBe(404);
        expect(pageText(html)).toContain('Événement introuvable');
        expect(html).not.toContain('Discours');
      }
    });

    it('says "coming soon" for a published event without a release, and 404 for its sessions', async () => {
      const p = await ProgramApi.newEvent(t, owner, { title: { fr: 'Forum des métiers verts', en: 'Green jobs fair' } });
      await p.publishEvent();
      const event = await page(`/e/${p.slug}`);
      expect(event.res.status).toBe(200);
      expect(pageText(event.html)).toContain('Le programme sera bientôt publié.');
      const program = await page(`/e/${p.slug}/programme`);
      expect(program.res.status).toBe(200);
      expect(pageText(program.html)).toContain('Le programme sera bientôt publié. Revenez dans quelques jours !');
      expect(sessionTitles(program.html)).toEqual([]);
      expect(pageText((await page(`/e/${p.slug}/programme?lang=en`)).html)).toContain('The program will be published soon.');
      expect(pageText((await page(`/e/${p.slug}/intervenants`)).html)).toContain('Les intervenants seront annoncés avec le programme, bientôt.');
      expect(pageText((await page(`/e/${p.slug}/programme/versions`)).html)).toContain('Aucune version publiée pour l’instant.');
      const session = await page(`/e/${p.slug}/programme/1`);
      expect(session.res.status).toBe(404);
      expect(pageText(session.html)).toContain('Session introuvable');

      // Its first release shows at once.
      const room = await p.room('Salle A');
      await p.session(aKeynote().titled('Ouverture du forum').inRoom(room).on(1, '09:00', '10:00'));
      expect((await p.release('Premier programme')).status).toBe(201);
      expect(sessionTitles((await page(`/e/${p.slug}/programme`)).html)).toEqual(['Ouverture du forum']);
    });

    it('opens on today’s programme while the event runs', async () => {
      const day = 86_400_000;
      const midnight = Math.floor(t.clock.now().getTime() / day) * day;
      const iso = (ms: number) => new Date(ms).toISOString();
      const p = await ProgramApi.newEvent(t, owner, { startsAt: iso(midnight - day + 8 * 3600_000), endsAt: iso(midnight + day + 18 * 3600_000) });
      await p.publishEvent();
      const room = await p.room('Salle A');
      await p.session(
        aKeynote()
          .titled('Hier')
          .inRoom(room)
          .between(iso(midnight - day + 10 * 3600_000), iso(midnight - day + 11 * 3600_000)),
      );
      await p.session(
        aKeynote()
          .titled('Aujourd’hui')
          .inRoom(room)
          .between(iso(midnight + 10 * 3600_000), iso(midnight + 11 * 3600_000)),
      );
      await p.session(
        aKeynote()
          .titled('Demain')
          .inRoom(room)
          .between(iso(midnight + day + 10 * 3600_000), iso(midnight + day + 11 * 3600_000)),
      );
      expect((await p.release()).status).toBe(201);
      const { html } = await page(`/e/${p.slug}/programme`);
      expect(sessionTitles(html)).toEqual(['Aujourd’hui']);
      expect(html).toMatch(/\?jour=2" aria-current="page">/);
      expect(sessionTitles((await page(`/e/${p.slug}/programme?jour=1`)).html)).toEqual(['Hier']);
    });
  });
});
