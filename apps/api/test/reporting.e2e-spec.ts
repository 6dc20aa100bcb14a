import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { CERTIFICATE_KEY_FILE, CertificateKey, SessionFigures, signCertificate } from '@palabre/reporting';
import { decode, pageText, weekday } from './support/html';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aWorkshop, ProgramApi } from './support/program';
import { aParticipant, anOpenEvent } from './support/registration';
import { json, suiteApp } from './support/test-app';
import { signedIn, WebClient } from './support/web-client';

type Categories = { gender?: string; ageGroup?: string; region?: string; organizationType?: string };
interface Person {
  n: number;
  categories: Categories;
  token: string;
  ticketCode: string;
  status: string;
  sessions: { id: string; status: string }[];
  entrance: boolean;
  doors: string[];
}
type Row = { value: string | null; label: { fr: string }; confirmed: number; checkedIn: number };
/** The figures of a session the test counts itself. */
type SessionRow = Pick<SessionFigures, 'id' | 'capacity' | 'signedUp' | 'waitlisted' | 'checkedIn' | 'fillRate' | 'attendanceRate'>;
interface Stats {
  event: { slug: string; timeZone: string };
  totals: Record<string, number | null>;
  registrationsByDay: { day: string; count: number; cumulative: number }[];
  breakdowns: { category: string; rows: Row[] }[];
  sessions: SessionFigures[];
}

const HOUR = 3600_000;
const ratio = (part: number, whole: number | null) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** The rows of the table whose caption is `caption`, each as its cells' text. */
function tableRows(html: string, caption: string): string[][] {
  const table = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)]
    .map((m) => m[1])
    .find((t) => decode(/<caption>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? '') === caption);
  if (!table) throw new Error(`no table « ${caption} »`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)![1];
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => pageText(c[1])));
}

/**
 * The figures organizers report (domain.md, "Statistics") and certificates of attendance:
 * registrations with known categories, statuses, workshop sign-ups and check-ins made through
 * the API, then every figure compared with what was made; the report and the CSV withhold small
 * cells; a certificate verifies and a forged one does not.
 */
describe('figures and certificates', () => {
  let owner: TestOrganizer;
  let desk: TestOrganizer;
  let p: ProgramApi;
  let browser: WebClient;
  let w1: string;
  let w2: string;
  const people: Person[] = [];

  const categoriesOf = (n: number): Categories => {
    if (n <= 7) return { gender: 'female', ageGroup: '18-24', region: 'Bamako', organizationType: 'ngo' };
    if (n <= 11) return { gender: 'male', ageGroup: '25-34', region: ['bamako', 'BAMAKO ', ' Bamako', 'Bamako'][n - 8], organizationType: 'jobseeker' };
    if (n === 12) return { gender: 'male', ageGroup: '18-24', region: 'Kayes', organizationType: 'education' };
    if (n === 13) return { gender: 'male', ageGroup: '18-24', region: '=SUM(A1)<b>', organizationType: 'education' };
    if (n === 14) return {};
    return { gender: 'female', ageGroup: '35-44', region: 'Sikasso', organizationType: 'public' };
  };
  const workshopsOf = (n: number) => [...([0, 1, 2, 4, 5].includes(n) ? ['w1'] : []), ...([3, 6, 7, 8, 9, 10, 11].includes(n) ? ['w2'] : [])];

  const scan = async (person: Person, door?: string) => {
    const res = await t.fetch(`/api/v1/events/${p.slug}/check-ins`, {
      method: 'POST',
      headers: desk.headers,
      body: JSON.stringify({ code: person.ticketCode, ...(door ? { sessionId: door } : {}) }),
    });
    expect(res.status).toBe(200);
    const { result } = await json<{ result: string }>(res);
    if (result === 'welcome') {
      if (door) person.doors.push(door);
      else person.entrance = true;
    }
    return result;
  };

  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t, { organization: 'Forum Job Cluster' });
    desk = await anOrganizer(t, { organization: owner.organizationSlug, role: 'desk' });
    // Tokyo (UTC+9): a day there is not a day in UTC, so the figures' days show whose clock they follow.
    p = await ProgramApi.newEvent(t, owner, { title: { fr: 'Forum Job Cluster 2030', en: 'Job Cluster Forum 2030' }, timeZone: 'Asia/Tokyo' });
    w1 = (await p.session(aWorkshop().titled('Atelier CV', 'CV workshop').on(1, '10:00', '11:00').with({ capacity: 3 }))).id;
    w2 = (await p.session(aWorkshop().titled('Entretien d’embauche', 'Job interview').on(1, '12:00', '13:00').with({ capacity: 10 }))).id;
    expect((await p.release()).status).toBe(201);
    await anOpenEvent(p, { capacity: 14, confirmEmail: false });

    // Sixteen people over three days in Tokyo: 18:00 on 10 June, just after midnight on the 11th (still the 10th in UTC), the 12th.
    for (let n = 0; n < 16; n++) {
      if (n === 6) t.clock.advance(6 * HOUR);
      if (n === 12) t.clock.advance(24 * HOUR);
      const sessionIds = workshopsOf(n).map((w) => (w === 'w1' ? w1 : w2));
      const res = await t.fetch(`/api/v1/events/${p.slug}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(aParticipant(n, { ...categoriesOf(n), sessionIds })),
      });
      expect(res.status).toBe(201);
      const { manageToken } = await json<{ manageToken: string }>(res);
      people.push({ n, categories: categoriesOf(n), token: manageToken, ticketCode: '', status: '', sessions: [], entrance: false, doors: [] });
    }
    // One cancels: her seat goes to the head of the waiting list (#14), her workshop seat back to the workshop.
    people[3].ticketCode = (await json<{ ticketCode: string }>(await t.fetch(`/api/v1/registrations/${people[3].token}`))).ticketCode;
    expect((await t.fetch(`/api/v1/registrations/${people[3].token}/cancel`, { method: 'POST' })).status).toBe(200);
    for (const person of people) {
      const r = await json<{ status: string; ticketCode?: string; sessions: { id: string; status: string }[] }>(
        await t.fetch(`/api/v1/registrations/${person.token}`),
      );
      person.status = r.status;
      person.ticketCode ||= r.ticketCode ?? '';
      person.sessions = r.sessions.map((s) => ({ id: s.id, status: s.status }));
    }
    for (const n of [0, 1, 2, 4, 5, 6, 8, 9, 12, 14]) expect(await scan(people[n])).toBe('welcome');
    expect(await scan(people[0])).toBe('already'); // a second scan is no second person
    expect(await scan(people[3])).toBe('cancelled');
    for (const n of [0, 1]) expect(await scan(people[n], w1)).toBe('welcome');
    expect(await scan(people[4], w1)).toBe('not_signed_up'); // on the workshop's waiting list
    for (const n of [6, 7, 8, 9, 10]) expect(await scan(people[n], w2)).toBe('welcome');
    // Signed in now: the clock moved on by more than a sign-in session lasts idle.
    browser = await signedIn(t, owner.email, owner.password);
  }, 180_000);

  const stats = async () => {
    const res = await t.fetch(`/api/v1/events/${p.slug}/stats`, { headers: { authorization: desk.headers.authorization } });
    expect(res.status).toBe(200);
    return json<Stats>(res);
  };

  it('counts what was made: the dataset is what the test meant', () => {
    expect(people.map((x) => x.status)).toEqual([...Array(3).fill('confirmed'), 'cancelled', ...Array(11).fill('confirmed'), 'waitlisted']);
    expect(people.filter((x) => x.entrance)).toHaveLength(10);
  });

  it('gives every total from the rows it counts', async () => {
    const { totals } = await stats();
    const count = (status: string) => people.filter((x) => x.status === status).length;
    const checkedIn = people.filter((x) => x.entrance).length;
    expect(totals).toEqual({
      registrations: 16,
      pending: count('pending'),
      confirmed: count('confirmed'),
      waitlisted: count('waitlisted'),
      cancelled: count('cancelled'),
      expired: 0,
      checkedIn,
      checkInRate: ratio(checkedIn, count('confirmed')),
      attendedSession: people.filter((x) => x.doors.length > 0).length,
    });
    expect(totals).toMatchObject({ confirmed: 14, waitlisted: 1, cancelled: 1, checkedIn: 10, attendedSession: 7 });
  });

  it('counts registrations per day in the event’s time zone, whatever became of them', async () => {
    expect((await stats()).registrationsByDay).toEqual([
      { day: '2026-06-10', count: 6, cumulative: 6 },
      { day: '2026-06-11', count: 6, cumulative: 12 },
      { day: '2026-06-12', count: 4, cumulative: 16 },
    ]);
  });

  it('breaks confirmed and checked-in people down by gender, age group, region and organization type', async () => {
    const { breakdowns } = await stats();
    expect(breakdowns.map((b) => b.category)).toEqual(['gender', 'ageGroup', 'region', 'organizationType']);
    for (const b of breakdowns) {
      const key = b.category as keyof Categories;
      const valueOf = (x: Person) => (key === 'region' ? (x.categories.region?.trim().toLowerCase() ?? null) : (x.categories[key] ?? null));
      for (const row of b.rows) {
        const having = people.filter((x) => valueOf(x) === row.value);
        expect({ category: b.category, value: row.value, confirmed: row.confirmed, checkedIn: row.checkedIn }).toEqual({
          category: b.category,
          value: row.value,
          confirmed: having.filter((x) => x.status === 'confirmed').length,
          checkedIn: having.filter((x) => x.entrance).length,
        });
      }
      // Each breakdown adds up to the totals: nobody is lost or counted twice.
      expect(b.rows.reduce((s, r) => s + r.confirmed, 0)).toBe(14);
      expect(b.rows.reduce((s, r) => s + r.checkedIn, 0)).toBe(10);
    }
    const gender = breakdowns[0].rows;
    expect(gender.map((r) => [r.value, r.label.fr, r.confirmed, r.checkedIn])).toEqual([
      ['female', 'Femme', 7, 6],
      ['male', 'Homme', 6, 3],
      ['other', 'Autre', 0, 0],
      ['undisclosed', 'Préfère ne pas dire', 0, 0],
      [null, 'Non renseigné', 1, 1],
    ]);
    // Regions are free text: « bamako », « BAMAKO  » and « Bamako » are one, under its most frequent spelling.
    expect(breakdowns[2].rows.map((r) => [r.label.fr, r.confirmed, r.checkedIn])).toEqual([
      ['=SUM(A1)<b>', 1, 0],
      ['Bamako', 11, 8],
      ['Kayes', 1, 1],
      ['Sikasso', 0, 0],
      ['Non renseigné', 1, 1],
    ]);
  });

  it('gives each workshop its seats, sign-ups, waiting list, door check-ins, fill and attendance rates', async () => {
    const { sessions } = await stats();
    const expected = (id: string, capacity: number): SessionRow => {
      const signedUp = people.filter((x) => x.sessions.some((s) => s.id === id && s.status === 'signed_up')).length;
      const checkedIn = people.filter((x) => x.doors.includes(id)).length;
      return {
        id,
        capacity,
        signedUp,
        waitlisted: people.filter((x) => x.sessions.some((s) => s.id === id && s.status === 'waitlisted')).length,
        checkedIn,
        fillRate: ratio(signedUp, capacity),
        attendanceRate: ratio(checkedIn, signedUp),
      };
    };
    expect(
      sessions.map(({ id, capacity, signedUp, waitlisted, checkedIn, fillRate, attendanceRate }) => ({
        id,
        capacity,
        signedUp,
        waitlisted,
        checkedIn,
        fillRate,
        attendanceRate,
      })),
    ).toEqual([expected(w1, 3), expected(w2, 10)]);
    expect(sessions[0]).toMatchObject({ signedUp: 3, waitlisted: 2, checkedIn: 2, fillRate: 1, attendanceRate: 0.6667 });
    expect(sessions[1]).toMatchObject({ signedUp: 6, waitlisted: 0, checkedIn: 5, fillRate: 0.6, attendanceRate: 0.8333 });
  });

  it('agrees with the rows themselves', async () => {
    const db = t.app.get(DataSource);
    const [row] = await db.query(
      `SELECT (SELECT count(*)::int FROM registrations WHERE event_id = $1 AND status = 'confirmed') AS confirmed,
              (SELECT count(*)::int FROM check_ins WHERE event_id = $1 AND door = 'entrance') AS entrance,
              (SELECT count(*)::int FROM check_in_scans WHERE event_id = $1) AS scans`,
      [p.eventId],
    );
    const { totals } = await stats();
    expect([totals.confirmed, totals.checkedIn]).toEqual([row.confirmed, row.entrance]);
    expect(row.scans).toBeGreaterThan(row.entrance); // refusals and duplicates are recorded, and not counted
  });

  it('shows the figures on the event’s « Chiffres » tab: charts drawn on the server, the numbers in a table beside each', async () => {
    const res = await browser.get(`/admin/o/${owner.organizationSlug}/events/${p.slug}/stats`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('aria-current="page">Chiffres</a>');
    expect(html.match(/<svg [^>]*role="img"/g)!.length).toBeGreaterThanOrEqual(7);
    expect(html).not.toMatch(/<script|\sstyle=/);
    expect(tableRows(html, 'Genre')).toEqual([
      ['Femme', '7', '6'],
      ['Homme', '6', '3'],
      ['Autre', '0', '0'],
      ['Préfère ne pas dire', '0', '0'],
      ['Non renseigné', '1', '1'],
    ]);
    expect(html).toContain('=SUM(A1)&lt;b>');
    expect(tableRows(html, 'Chiffres par session')[0]).toEqual(['Atelier CV', expect.any(String), '3', '3', '2', '2', '100 %', '66,7 %']);
    expect(html).toContain(`href="/api/v1/events/${p.slug}/stats.csv?lang=fr"`);
  });

  it('lists the event’s headline figures on the organization’s dashboard, linked to its « Chiffres » tab', async () => {
    const html = await (await browser.get(`/admin/o/${owner.organizationSlug}`)).text();
    expect(html).toContain(`href="/admin/o/${owner.organizationSlug}/events/${p.slug}/stats"`);
    expect(pageText(html)).toContain("Événement Inscriptions Confirmées Présentes à l'accueil Forum Job Cluster 2030 16 14 10");
  });

  it('prints a report where every breakdown cell and per-session count under 5 people reads « < 5 »', async () => {
    const res = await browser.get(`/admin/o/${owner.organizationSlug}/events/${p.slug}/stats/report`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(pageText(html)).toContain('Restent exacts : les totaux de l’événement');
    expect(tableRows(html, 'Genre')).toEqual([
      ['Femme', '7', '6'],
      ['Homme', '6', '< 5'],
      ['Autre', '< 5', '< 5'],
      ['Préfère ne pas dire', '< 5', '< 5'],
      ['Non renseigné', '< 5', '< 5'],
    ]);
    expect(tableRows(html, 'Région')).toEqual([
      ['=SUM(A1)<b>', '< 5', '< 5'],
      ['Bamako', '11', '8'],
      ['Kayes', '< 5', '< 5'],
      ['Sikasso', '< 5', '< 5'],
      ['Non renseigné', '< 5', '< 5'],
    ]);
    const sessions = tableRows(html, 'Chiffres par session');
    expect(sessions[0]).toEqual(['Atelier CV', expect.any(String), '3', '< 5', '< 5', '< 5', 'masqué', 'masqué']);
    expect(sessions[1]).toEqual(['Entretien d’embauche', expect.any(String), '10', '6', '< 5', '5', '60 %', '83,3 %']);
    // The charts draw no bar for a withheld cell, and name no small count in their titles either.
    expect(html).not.toMatch(/<title>[^<]*: [1-4]<\/title>/);
    // The totals stay exact.
    expect(pageText(html)).toContain("Présentes à l'accueil 10");
  });

  it('exports the figures as CSV: UTF-8 with a BOM, CRLF, formula cells neutralized, small cells withheld', async () => {
    const res = await t.fetch(`/api/v1/events/${p.slug}/stats.csv`, { headers: { authorization: owner.headers.authorization } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${p.slug}-chiffres.csv"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Rubrique,Élément,Mesure,Valeur');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Totaux (exacts),Forum Job Cluster 2030,Inscriptions reçues,16',
        'Totaux (exacts),Forum Job Cluster 2030,Confirmées,14',
        "Totaux (exacts),Forum Job Cluster 2030,Présentes à l'accueil,10",
        'Totaux (exacts),Forum Job Cluster 2030,Taux de présence des confirmées (%),71.4',
        'Inscriptions par jour (exactes),2026-06-11,Reçues ce jour,6',
        'Genre,Femme,Confirmées,7',
        "Genre,Homme,Présentes à l'accueil,< 5",
        "Région,'=SUM(A1)<b>,Confirmées,< 5",
        'Région,Bamako,Confirmées,11',
        'Sessions,Atelier CV (2030-06-10 19:00),Places,3',
        'Sessions,Atelier CV (2030-06-10 19:00),Inscrites,< 5',
        'Sessions,Atelier CV (2030-06-10 19:00),Taux de remplissage (%),masqué',
        'Sessions,Entretien d’embauche (2030-06-10 21:00),Taux de présence (%),83.3',
      ]),
    );
    expect(text).not.toMatch(/(^|,)=/m);
    const en = Buffer.from(
      await (await t.fetch(`/api/v1/events/${p.slug}/stats.csv?lang=en`, { headers: { authorization: owner.headers.authorization } })).arrayBuffer(),
    ).toString('utf8');
    expect(en.split('\r\n')[0]).toBe('\uFEFFSection,Item,Measure,Value');
    expect(en).toContain('Gender,Man,Checked in at the entrance,< 5');
  });

  describe('certificates of attendance', () => {
    const certificatePage = async (person: Person, sessionId: string) =>
      t.fetch(`/r/${person.token}/attestations/${sessionId}`, { headers: { accept: 'text/html' } });
    const verifyPath = (html: string) => /href="[^"]*(\/verifier\/[\w-]+\.[\w-]+)"/.exec(html)![1];

    it('lists a certificate per workshop the participant was checked in at, from their page', async () => {
      const res = await t.fetch(`/r/${people[0].token}/attestations`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await res.text();
      expect(html).toContain(`href="/r/${people[0].token}/attestations/${w1}"`);
      expect(html).not.toContain(w2);
      const none = await (await t.fetch(`/r/${people[12].token}/attestations`, { headers: { accept: 'text/html' } })).text();
      expect(none).not.toContain('/attestations/');
    });

    it('prints a certificate with name, workshop, date, event and organization, a verify link and its QR code', async () => {
      const res = await certificatePage(people[0], w1);
      expect(res.status).toBe(200);
      const html = await res.text();
      const text = pageText(html);
      expect(text).toContain('Nous attestons que Awa0 Traoré a participé à l’atelier « Atelier CV »');
      expect(text).toContain(`le ${weekday('2030-06-10T10:00:00Z', 'fr', 'Asia/Tokyo')} 10 juin 2030, de 19:00 à 20:00`);
      expect(text).toContain('lors de Forum Job Cluster 2030, organisé par Forum Job Cluster');
      expect(html).toMatch(/<div class="qr" role="img"[^>]*><svg /);
      expect(verifyPath(html)).toMatch(/^\/verifier\/[\w-]{43}\.[\w-]{22}$/);
      expect(html).toContain(`${t.config.publicUrl}/verifier/`);
    });

    it('gives no certificate for a workshop the participant did not come to, nor for someone else’s', async () => {
      expect((await certificatePage(people[4], w1)).status).toBe(404); // on its waiting list, refused at the door
      expect((await certificatePage(people[0], w2)).status).toBe(404);
      expect((await certificatePage(people[0], 'pas-un-uuid')).status).toBe(404);
      expect((await t.fetch('/r/jeton-inconnu-0000000000000000000000000000000/attestations', { headers: { accept: 'text/html' } })).status).toBe(404);
    });

    it('verifies a genuine certificate on a public page', async () => {
      const link = verifyPath(await (await certificatePage(people[6], w2)).text());
      const res = await t.fetch(link, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-robots-tag')).toBe('noindex');
      const text = pageText(await res.text());
      expect(text).toContain('Attestation authentique');
      expect(text).toContain('Awa6 Traoré a participé à l’atelier « Entretien d’embauche »');
    });

    it('refuses a forged or altered certificate', async () => {
      const genuine = verifyPath(await (await certificatePage(people[0], w1)).text()).slice('/verifier/'.length);
      const [id, sig] = genuine.split('.');
      const other = verifyPath(await (await certificatePage(people[6], w2)).text()).slice('/verifier/'.length);
      const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
      const forged = [
        `${id}.${flip(sig, 3)}`, // signature altered
        `${flip(id, 5)}.${sig}`, // another person or session, same signature
        `${other.split('.')[0]}.${sig}`, // someone else's id with this signature
        `${id}.${'A'.repeat(22)}`,
        'nimporte-quoi',
      ];
      for (const proof of forged) {
        const res = await t.fetch(`/verifier/${proof}`, { headers: { accept: 'text/html' } });
        expect({ proof, status: res.status }).toEqual({ proof, status: 404 });
        expect(pageText(await res.text())).toContain('Attestation non reconnue');
      }
    });

    it('signs with a key kept in DATA_DIR, and confirms nothing a valid signature names without a check-in behind it', async () => {
      const kept = readFileSync(path.join(t.config.dataDir, CERTIFICATE_KEY_FILE), 'utf8');
      expect(kept.length).toBeGreaterThanOrEqual(32);
      const [registration] = await t.query(`SELECT id FROM registrations WHERE email = 'awa2@example.ml'`);
      const proof = signCertificate(t.app.get(CertificateKey).get(), { registrationId: registration.id, sessionId: w2 });
      const res = await t.fetch(`/verifier/${proof}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(404);
    });

    it('stops confirming once the participant has erased their data', async () => {
      const link = verifyPath(await (await certificatePage(people[1], w1)).text());
      expect((await t.fetch(`/api/v1/registrations/${people[1].token}`, { method: 'DELETE' })).status).toBe(204);
      const res = await t.fetch(link, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(410);
      const html = await res.text();
      expect(html).not.toContain('Awa1');
      expect(pageText(html)).toContain('ne confirme plus rien');
    });
  });
});
