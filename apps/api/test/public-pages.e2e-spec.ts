import { brotliDecompressSync } from 'node:zlib';
import { DEMO_EVENT_SLUG } from '@palabre/demo';
import { PublicPagesService } from '../src/program/public-pages.service';
import { decode, pageText, rawGet, sessionTitles, styleAllowedByCsp, weekday } from './support/html';
import { json, suiteApp } from './support/test-app';

interface ApiSession {
  id: string;
  number: number;
  title: { fr: string; en?: string };
  abstract: { fr: string; en?: string };
  type: string;
  startsAt: string;
  endsAt: string;
  room: { id: string; name: string } | null;
  track: { id: string; name: { fr: string; en?: string } } | null;
  language: string;
  people: { id: string; name: string; role: string }[];
}

const SLUG = DEMO_EVENT_SLUG;
const PROGRAM = `/e/${SLUG}/programme`;

describe('the public pages of the demo forum', () => {
  let sessions: ApiSession[];
  let firstDay: string;
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await t.fetch(path, { headers: { accept: 'text/html', ...headers } });
    return { res, html: await res.text() };
  };
  /** Titles of the API's sessions that match, on a given day (1, 2) or all. */
  const expected = (match: (s: ApiSession) => boolean, day: 1 | 2 | 'all' = 'all') =>
    sessions
      .filter((s) => day === 'all' || (s.startsAt.slice(0, 10) === firstDay) === (day === 1))
      .filter(match)
      .map((s) => s.title.fr)
      .sort();
  const track = (fr: string) => sessions.find((s) => s.track?.name.fr === fr)!.track!.id;
  const room = (name: string) => sessions.find((s) => s.room?.name === name)!.room!.id;

  const t = suiteApp({ SEED_DEMO: 'true' });
  beforeAll(async () => {
    sessions = (await json<{ items: ApiSession[] }>(await t.fetch(`/api/v1/events/${SLUG}/sessions`))).items;
    firstDay = (await json<{ startsAt: string }>(await t.fetch(`/api/v1/events/${SLUG}`))).startsAt.slice(0, 10);
  });

  describe('the event page', () => {
    it('gives the title, dates in Bamako, venue, registration and a clear link to the programme, in French', async () => {
      const { res, html } = await page(`/e/${SLUG}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-language')).toBe('fr');
      expect(html).toContain('<html lang="fr">');
      const text = pageText(html);
      expect(html).toMatch(
        /<h1>Forum Job Cluster — ONG et création d&#39;emplois durables au Mali<\/h1>|<h1>Forum Job Cluster — ONG et création d'emplois durables au Mali<\/h1>/,
      );
      expect(html).toContain(`<time datetime="${firstDay}T08:00:00+00:00">`);
      expect(text).toContain('Centre international de conférences de Bamako (CICB)');
      expect(text).toContain('Avenue de la Marne, Bamako, Mali');
      expect(html).toMatch(new RegExp(`<a class="button" href="${PROGRAM}">Voir le programme</a>`));
      expect(text).toContain('Les inscriptions sont ouvertes jusqu’au');
      // The seats left are the registrations' real count (none yet in the fresh demo forum).
      expect(text).toContain('3000 places restantes sur 3000.');
      expect(html).toContain(`href="/api/v1/events/${SLUG}/schedule.ics"`);
      expect(html).toContain(`href="/api/v1/events/${SLUG}/schedule.xml"`);
      expect(html).toContain(`href="/api/v1/events/${SLUG}/schedule.json"`);
      expect(html).not.toContain('<script');
    });

    it('speaks English with ?lang=en, and remembers it in a cookie', async () => {
      const { res, html } = await page(`/e/${SLUG}?lang=en`);
      expect(res.status).toBe(200);
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('<h1>Job Cluster Forum — NGOs and sustainable job creation in Mali</h1>');
      expect(pageText(html)).toContain('Registration is open until');
      expect(pageText(html)).toContain('3000 seats left out of 3000.');
      expect(html).toContain(`href="${PROGRAM}?lang=en"`);
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^lang=en;/);
      const again = await page(`/e/${SLUG}`, { cookie: 'lang=en' });
      expect(again.html).toContain('<html lang="en">');
    });

    it('shows the seats the registrations hold, in the page and the API', async () => {
      const { html } = await page(`/e/${SLUG}`);
      const registration = html.slice(html.indexOf('Les inscriptions sont ouvertes'), html.indexOf('Les inscriptions sont ouvertes') + 400);
      expect(pageText(registration)).toMatch(/3000 places restantes sur 3000/);
      const api = await json<{ registration: { open: boolean; capacity: number | null; remaining: number | null } }>(await t.fetch(`/api/v1/events/${SLUG}`));
      expect(api.registration).toMatchObject({ open: true, capacity: 3000, remaining: 3000 });
    });

    it('follows Accept-Language when nothing else says', async () => {
      expect((await page(`/e/${SLUG}`, { 'accept-language': 'en-US,en;q=0.8' })).html).toContain('<html lang="en">');
      expect((await page(`/e/${SLUG}`, { 'accept-language': 'fr-ML, en;q=0.5' })).html).toContain('<html lang="fr">');
    });
  });

  describe('the programme', () => {
    it('shows the first day by default, in time order, with time, room, track, type, language and people by role', async () => {
      const { res, html } = await page(PROGRAM);
      expect(res.status).toBe(200);
      const titles = sessionTitles(html);
      expect([...titles].sort()).toEqual(expected(() => true, 1));
      const starts = [...html.matchAll(/<p class="time"><time datetime="([^"]+)"/g)].map((m) => m[1]);
      expect(starts).toEqual([...starts].sort());
      expect(html).toMatch(/<a href="[^"]*\?jour=1" aria-current="page">/);

      const panel = sessions.find((s) => s.title.fr === 'Les ONG, premier employeur des jeunes ?')!;
      const item = html.slice(html.indexOf(`href="${PROGRAM}/${panel.number}"`) - 300, html.indexOf(`href="${PROGRAM}/${panel.number}"`) + 900);
      const text = pageText(item);
      expect(item).toContain(`<time datetime="${firstDay}T11:00:00+00:00">11:00</time>–<time datetime="${firstDay}T12:30:00+00:00">12:30</time>`);
      expect(text).toContain('· Salle des Banquets');
      expect(text).toContain('Panel Formation et compétences Langue : Français');
      expect(text).toContain('Modération : Rokia Doumbia');
      expect(text).toContain('Panélistes : Moussa Keïta, Salimata Cissé, Seydou Maïga');
      // Its track's colour comes with the page's own style, which the CSP allows by hash.
      const trackClass = /class="slot g\d+ (k\d+)"[^]*?Les ONG, premier employeur/.exec(html.slice(html.indexOf(`href="${PROGRAM}/${panel.number - 1}"`)))?.[1];
      expect(trackClass).toBeDefined();
      const { css, allowed } = styleAllowedByCsp(html, res.headers.get('content-security-policy'));
      expect(css).toContain(`.${trackClass}{--track:#1d6f42}`);
      expect(allowed).toBe(true);
    });

    it('lays the day out with rooms as columns on a wide screen: each session placed by its room and its times', async () => {
      const { html } = await page(PROGRAM);
      const css = /<style>([^<]*)<\/style>/.exec(html)![1];
      const area = (n: number) =>
        /grid-area:(\d+)\/(\d+)\/(\d+)\/(\d+)/
          .exec(css.slice(css.indexOf(`.g${n}{`)))!
          .slice(1)
          .map(Number);
      const byTitle = (fr: string) => sessions.find((s) => s.title.fr === fr)!.number;
      const banquets = area(byTitle('Les ONG, premier employeur des jeunes ?'));
      const salle1 = area(byTitle('Agriculture et élevage : des filières qui recrutent'));
      const business = area(byTitle("Atelier : monter son plan d'affaires"));
      // Same hours, side by side: same rows, different columns.
      expect([salle1[0], salle1[2]]).toEqual([banquets[0], banquets[2]]);
      expect(salle1[1]).not.toBe(banquets[1]);
      // 14:00–16:00 spans two rows of the 14:00–15:30 / 15:30–16:00 grid.
      expect(business[2] - business[0]).toBe(2);
      // Lunch has no room and overlaps nothing: it spans every room.
      expect(area(byTitle('Déjeuner'))).toEqual([expect.any(Number), 2, expect.any(Number), 7]);
      expect(css).toContain('.tt1{grid-template-columns:4rem repeat(5,minmax(0,1fr))}');
      expect(pageText(html)).toContain('Salle des Banquets Salle 1 Salle 2 Salle Wa Kamissoko Salle 3');
    });

    it('selects a day by a plain link, or all of them', async () => {
      const day2 = await page(`${PROGRAM}?jour=2`);
      expect([...sessionTitles(day2.html)].sort()).toEqual(expected(() => true, 2));
      expect(sessionTitles(day2.html)).toContain('Femmes et entrepreneuriat');
      expect(sessionTitles(day2.html)).not.toContain('Les ONG, premier employeur des jeunes ?');
      expect(day2.html).toMatch(/<a href="[^"]*\?jour=2" aria-current="page">Lundi|<a href="[^"]*\?jour=2" aria-current="page">/);
      const all = await page(`${PROGRAM}?jour=tous`);
      expect(sessionTitles(all.html)).toHaveLength(sessions.length);
      expect(sessionTitles(all.html)).toHaveLength(19);
      // A day the event does not have falls back to the first.
      expect([...sessionTitles((await page(`${PROGRAM}?jour=9`)).html)].sort()).toEqual(expected(() => true, 1));
    });

    it.each([
      ['a track', () => `parcours=${track('Formation et compétences')}`, (s: ApiSession) => s.track?.name.fr === 'Formation et compétences', 1 as const],
      ['a type, on every day', () => 'type=panel&jour=tous', (s: ApiSession) => s.type === 'panel', 'all' as const],
      ['a language', () => 'langue=bm&jour=tous', (s: ApiSession) => s.language === 'bm', 'all' as const],
      ['a room, on day 2', () => `salle=${room('Salle 1')}&jour=2`, (s: ApiSession) => s.room?.name === 'Salle 1', 2 as const],
      [
        'a track and a type',
        () => `parcours=${track('Formation et compétences')}&type=workshop&jour=tous`,
        (s: ApiSession) => s.track?.name.fr === 'Formation et compétences' && s.type === 'workshop',
        'all' as const,
      ],
      [
        'a track, a room and a language',
        () => `parcours=${track('Entrepreneuriat')}&salle=${room('Salle des Banquets')}&langue=fr&jour=tous`,
        (s: ApiSession) => s.track?.name.fr === 'Entrepreneuriat' && s.room?.name === 'Salle des Banquets' && s.language === 'fr',
        'all' as const,
      ],
    ])('narrows the list by %s, without JavaScript (a GET form)', async (_what, query, match, day) => {
      const want = expected(match, day);
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(expected(() => true, day).length);
      const { res, html } = await page(`${PROGRAM}?${query()}`);
      expect(res.status).toBe(200);
      expect([...sessionTitles(html)].sort()).toEqual(want);
      expect(pageText(html)).toContain(`${want.length} session(s) correspondent aux filtres.`);
      // The form shows what was chosen, and is open.
      for (const [name, value] of new URLSearchParams(query())) {
        if (name === 'jour') expect(html).toContain(`<input type="hidden" name="jour" value="${value}"/>`);
        else expect(html).toContain(`<option value="${value}" selected>`);
      }
      expect(html).toContain('<details class="filter-box" open>');
      expect(html).toMatch(/<form method="get" action="\/e\/forum-job-cluster\/programme" class="filters">/);
    });

    it('says so when no session matches, and offers to clear the filters', async () => {
      const { html } = await page(`${PROGRAM}?parcours=${track('Agriculture et élevage')}&salle=${room('Salle des Banquets')}&jour=tous`);
      expect(sessionTitles(html)).toEqual([]);
      expect(pageText(html)).toContain('Aucune session ne correspond à ces filtres.');
      expect(html).toContain(`<a href="${PROGRAM}?jour=tous">Effacer les filtres</a>`);
    });

    it('ignores filter values the programme does not have: same page, same cache entry', async () => {
      const plain = await page(PROGRAM);
      const odd = await page(`${PROGRAM}?parcours=00000000-0000-4000-8000-000000000000&salle=%3Cx%3E&type=concert&langue=xx&utm_source=radio`);
      expect(odd.res.status).toBe(200);
      expect(odd.html).toBe(plain.html);
      expect(odd.res.headers.get('etag')).toBe(plain.res.headers.get('etag'));
    });

    it('is in English with ?lang=en: roles, types, languages and dates', async () => {
      const { res, html } = await page(`${PROGRAM}?lang=en&jour=2`);
      expect(res.headers.get('content-language')).toBe('en');
      const text = pageText(html);
      expect(html).toContain('<h1>Program</h1>');
      expect(sessionTitles(html)).toContain('Women and entrepreneurship');
      expect(text).toContain('Moderator: Rokia Doumbia');
      expect(text).toContain('Panelists: Awa Diarra, Fatoumata Coulibaly, Djénéba Koné');
      expect(text).toContain('Workshop Farming and livestock Language: Bambara');
      expect(text).toContain('Filter: track, room, type, language');
      expect(html).toContain(`href="${PROGRAM}?jour=1&amp;lang=en"`);
      expect(html).toMatch(new RegExp(`href="${PROGRAM}/\\d+\\?lang=en"`));
    });

    it('answers 304 to a matching If-None-Match, per language', async () => {
      const first = await t.fetch(PROGRAM, { headers: { accept: 'text/html', 'accept-encoding': 'br' } });
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]+-br"$/);
      const again = await t.fetch(PROGRAM, { headers: { accept: 'text/html', 'accept-encoding': 'br', 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const english = await t.fetch(`${PROGRAM}?lang=en`, { headers: { accept: 'text/html', 'accept-encoding': 'br', 'if-none-match': etag } });
      expect(english.status).toBe(200);
      const stale = await t.fetch(PROGRAM, { headers: { accept: 'text/html', 'if-none-match': '"0123abcd"' } });
      expect(stale.status).toBe(200);
      expect(
        (await t.fetch(`/e/${SLUG}`, { headers: { accept: 'text/html', 'if-none-match': (await t.fetch(`/e/${SLUG}`)).headers.get('etag')! } })).status,
      ).toBe(304);
    });

    it('answers a repeated request before its controller, still in each visitor’s language', async () => {
      const pages = t.app.get(PublicPagesService);
      const choices = jest.spyOn(pages, 'choices');
      const url = `${PROGRAM}?jour=2&type=panel`;
      const first = await page(url);
      const again = await page(url);
      const third = await page(url);
      expect(choices).toHaveBeenCalledTimes(1);
      expect(again.html).toBe(first.html);
      expect(third.res.headers.get('etag')).toBe(first.res.headers.get('etag'));
      expect(third.res.headers.get('content-security-policy')).toBe(first.res.headers.get('content-security-policy'));
      expect(third.res.headers.get('x-frame-options')).toBe('DENY');
      // The same address for someone who reads English (by cookie or by browser) is another answer.
      expect((await page(url, { cookie: 'lang=en' })).html).toContain('<h1>Program</h1>');
      expect((await page(url, { 'accept-language': 'en' })).html).toContain('<h1>Program</h1>');
      expect((await page(url)).html).toContain('<h1>Programme</h1>');
      // Choosing a language sets its cookie every time, so it always reaches the controller.
      const calls = choices.mock.calls.length;
      for (let i = 0; i < 2; i++) expect((await page(`${url}&lang=en`)).res.headers.get('set-cookie')).toMatch(/^lang=en;/);
      expect(choices.mock.calls.length).toBe(calls + 2);
      choices.mockRestore();
    });

    it('stays light for a cheap phone: under 60 KB compressed with its stylesheet, few requests, no script, no web font', async () => {
      for (const path of [PROGRAM, `${PROGRAM}?jour=tous`]) {
        const html = await rawGet(t.baseUrl + path, { accept: 'text/html', 'accept-encoding': 'br' });
        expect(html.status).toBe(200);
        expect(html.headers['content-encoding']).toBe('br');
        const decoded = brotliDecompressSync(html.body).toString('utf8');
        const stylesheets = [...decoded.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
        const scripts = [...decoded.matchAll(/<script\b[^>]*>/g)];
        const images = [...decoded.matchAll(/<img\b[^>]*src="(?!data:)/g)];
        const icons = [...decoded.matchAll(/<link rel="icon" href="(?!data:)/g)];
        expect(scripts).toEqual([]);
        let bytes = html.body.length;
        for (const href of stylesheets) {
          const css = await rawGet(t.baseUrl + href, { 'accept-encoding': 'br' });
          expect(css.status).toBe(200);
          const text = css.headers['content-encoding'] === 'br' ? brotliDecompressSync(css.body).toString('utf8') : css.body.toString('utf8');
          expect(text).not.toMatch(/@font-face|\.woff2?|url\(/);
          bytes += css.body.length;
        }
        const requests = 1 + stylesheets.length + scripts.length + images.length + icons.length;
        process.stdout.write(
          `[page weight] ${path}: ${bytes} bytes (br) in ${requests} requests; HTML ${html.body.length} br / ${Buffer.byteLength(decoded)} raw\n`,
        );
        expect(bytes).toBeLessThan(60 * 1024);
        expect(requests).toBeLessThanOrEqual(10);
      }
    });
  });

  describe('a session', () => {
    it('gives its abstract, time, room, track, and its people with their public profiles', async () => {
      const panel = sessions.find((s) => s.title.fr === 'Les ONG, premier employeur des jeunes ?')!;
      const { res, html } = await page(`${PROGRAM}/${panel.number}`);
      expect(res.status).toBe(200);
      const text = pageText(html);
      expect(html).toContain('<h1>Les ONG, premier employeur des jeunes ?</h1>');
      expect(text).toContain('Emplois directs, stages et formations : ce que les ONG offrent vraiment aux jeunes.');
      expect(html).toContain(`<time datetime="${firstDay}T11:00:00+00:00">11:00</time>–<time datetime="${firstDay}T12:30:00+00:00">12:30</time>`);
      expect(text).toMatch(/Salle Salle des Banquets Parcours Formation et compétences Type Panel Langue Français/);
      expect(text).toContain('Modération Rokia Doumbia Journaliste, Radio Benkadi FM Anime chaque semaine une émission sur l’emploi des jeunes.');
      expect(text).toContain('Panélistes Moussa Keïta Coordinateur des programmes, Association Sahel Formation');
      expect(text).toContain('Salimata Cissé Juriste, chargée d’études, Observatoire de l’emploi des jeunes');
      expect(html).toMatch(/<a href="\/e\/forum-job-cluster\/intervenants#intervenant-\d+">Seydou Maïga<\/a>/);
      expect(html).not.toMatch(/@intervenants\.jobcluster\.example/);
      expect(styleAllowedByCsp(html, res.headers.get('content-security-policy')).allowed).toBe(true);
    });

    it('offers the session alone as an iCalendar file, with the UID the whole programme uses', async () => {
      const panel = sessions.find((s) => s.title.fr === 'Femmes et entrepreneuriat')!;
      const { html } = await page(`${PROGRAM}/${panel.number}`);
      const href = decode(/<a class="button secondary" href="([^"]+)">Ajouter à mon agenda<\/a>/.exec(html)![1]);
      expect(href).toBe(`/api/v1/events/${SLUG}/sessions/${panel.id}/calendar.ics`);
      const res = await t.fetch(href);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      const ics = await res.text();
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(ics).toContain('SUMMARY:Femmes et entrepreneuriat');
      expect(ics).toMatch(new RegExp(`UID:${panel.id}@`));
      const whole = await (await t.fetch(`/api/v1/events/${SLUG}/schedule.ics`)).text();
      expect(whole).toContain(ics.match(/UID:[^\r\n]+/)![0]);
      expect((await t.fetch(`/api/v1/events/${SLUG}/sessions/00000000-0000-4000-8000-000000000000/calendar.ics`)).status).toBe(404);
    });

    it('is in English with ?lang=en', async () => {
      const panel = sessions.find((s) => s.title.fr === 'Les ONG, premier employeur des jeunes ?')!;
      const { html } = await page(`${PROGRAM}/${panel.number}?lang=en`);
      const text = pageText(html);
      expect(html).toContain('<h1>NGOs: the first employer of young people?</h1>');
      expect(text).toContain('Room Salle des Banquets Track Skills and training Type Panel Language French');
      expect(text).toContain('Moderator Rokia Doumbia Journaliste, Radio Benkadi FM Hosts a weekly programme on youth employment.');
      expect(text).toContain('Add to my calendar');
    });

    it('answers 404 for a number the release does not have, or no number at all', async () => {
      for (const n of ['999', '0', 'abc', '1e3']) {
        const { res, html } = await page(`${PROGRAM}/${n}`);
        expect(res.status).toBe(404);
        expect(pageText(html)).toContain('Session introuvable');
      }
    });
  });

  describe('the speakers and the release history', () => {
    it('lists the public profiles of the release, each with their sessions', async () => {
      const { res, html } = await page(`/e/${SLUG}/intervenants`);
      expect(res.status).toBe(200);
      const names = [...html.matchAll(/<li class="card" id="intervenant-\d+"><h2>([^<]+)<\/h2>/g)].map((m) => decode(m[1]));
      const people = new Set(sessions.flatMap((s) => s.people.map((p) => p.name)));
      expect(names.sort()).toEqual([...people].sort());
      expect(names).toHaveLength(16);
      const text = pageText(html);
      expect(text).toContain('Awa Diarra Présidente, Réseau des femmes entrepreneures de Ségou Accompagne plus de 300 entrepreneures');
      const women = sessions.find((s) => s.title.fr === 'Femmes et entrepreneuriat')!;
      expect(text).toMatch(new RegExp(`Femmes et entrepreneuriat — Panéliste, ${weekday(women.startsAt, 'fr')} \\d+ [^,]+, 10:30`));
      expect(html).not.toContain('@intervenants.jobcluster.example');
      const english = pageText((await page(`/e/${SLUG}/intervenants?lang=en`)).html);
      expect(english).toContain('Supports over 300 women entrepreneurs in food processing.');
      expect(english).toContain('Languages: French, Bambara');
    });

    it('shows release 1 as the first version, with its note', async () => {
      const { res, html } = await page(`/e/${SLUG}/programme/versions`);
      expect(res.status).toBe(200);
      const text = pageText(html);
      expect(text).toContain('Version 1 en ligne');
      expect(text).toContain('Programme initial du forum');
      expect(text).toContain('Première version du programme : 19 sessions.');
      expect(pageText((await page(`/e/${SLUG}/programme/versions?lang=en`)).html)).toContain('First version of the program: 19 sessions.');
    });
  });

  describe('what does not exist', () => {
    it.each(['', '/programme', '/programme/1', '/programme/versions', '/intervenants'])(
      'answers 404 with a page for an unknown event (/e/…%s)',
      async (rest) => {
        const { res, html } = await page(`/e/pas-un-forum${rest}`);
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toContain('text/html');
        expect(pageText(html)).toContain('Événement introuvable');
        expect((await page(`/e/pas-un-forum${rest}?lang=en`)).html).toContain('Event not found');
      },
    );
  });

  describe('the home page', () => {
    it('links each event card to the event page and its programme, with its colour allowed by the CSP', async () => {
      const { res, html } = await page('/');
      expect(html).toContain(`<a href="/e/${SLUG}">Forum Job Cluster`);
      expect(html).toContain(`<a class="button" href="${PROGRAM}">Programme</a>`);
      expect(html).not.toMatch(/ style="/);
      const { css, allowed } = styleAllowedByCsp(html, res.headers.get('content-security-policy'));
      expect(css).toBe('.c0{border-top:4px solid #0b6e4f}');
      expect(allowed).toBe(true);
      expect((await page('/?lang=en')).html).toContain(`<a class="button" href="${PROGRAM}?lang=en">Program</a>`);
    });
  });
});
