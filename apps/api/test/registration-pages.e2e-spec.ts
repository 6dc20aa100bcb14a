import { brotliDecompressSync } from 'node:zlib';
import { JobRunner } from '@palabre/platform';
import { SmtpTestServer } from '@palabre/testing';
import { PublicPagesService } from '../src/program/public-pages.service';
import { decode, pageText, rawGet } from './support/html';
import { TestOrganizer } from './support/organizers';
import { ProgramApi } from './support/program';
import { aParticipant, anOpenEvent, manageTokenIn, Participants, aRegistrationWorld } from './support/registration';
import { aFilledForm, anEventWithWorkshops, postForm } from './support/registration-form';
import { json, TestApp } from './support/test-app';

/**
 * The participant's pages over HTTP, as a browser without JavaScript uses them: the public
 * registration form (`/e/{slug}/inscription`) and the page a manage token opens (`/r/{token}`).
 */
describe('registration pages: the public form and the participant’s page', () => {
  let smtp: SmtpTestServer;
  let t: TestApp;
  let owner: TestOrganizer;
  let people: Participants;
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await t.fetch(path, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });
    return { res, html: await res.text() };
  };
  const registrations = async (eventId: string) =>
    (await t.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM registrations WHERE event_id = $1`, [eventId]))[0].n;
  /** The error shown beside a field (its `<p class="field-error" id="…-error">`). */
  const errorBeside = (html: string, id: string) => decode(new RegExp(`<p class="field-error" id="${id}-error">([^<]*)</p>`).exec(html)?.[1] ?? '');

  beforeAll(async () => {
    ({ t, smtp, owner, people } = await aRegistrationWorld('Ministère de l’Emploi', { PUBLIC_URL: 'https://forum.example.org' }));
  });
  afterAll(() => t?.close());
  afterEach(() => t.clock.reset());

  describe('the form', () => {
    it('asks the api.md fields, each question by its kind, the workshops with their seats, the consent, and hides a honeypot; in French and English', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      await anEventWithWorkshops(p, {
        capacity: 50,
        consentText: { fr: 'J’accepte que mes données servent au forum.', en: 'I agree my data serves the forum.' },
      });
      const event = await page(`/e/${p.slug}`);
      expect(event.html).toContain(`<a class="button" href="/e/${p.slug}/inscription">S’inscrire</a>`);

      const { res, html } = await page(`/e/${p.slug}/inscription`);
      expect(res.status).toBe(200);
      expect(html).toContain(`<form method="post" action="/e/${p.slug}/inscription"`);
      for (const name of ['firstName', 'lastName', 'email', 'phone', 'organization', 'region'])
        expect(html).toMatch(new RegExp(`<input id="${name}" name="${name}"`));
      for (const name of ['organizationType', 'gender', 'ageGroup']) expect(html).toMatch(new RegExp(`<select id="${name}" name="${name}"`));
      expect(html).toContain('<option value="jobseeker">Sans organisation (en recherche d’emploi)</option>');
      expect(html).toContain('<option value="18-24">18 à 24 ans</option>');
      const text = pageText(html);
      // A choice is radio buttons, a multiple choice checkboxes, yes/no two radios, a number and a text inputs; required ones say so.
      expect(html).toMatch(/<legend>Diplôme le plus élevé \(obligatoire\)<\/legend>[^]*?type="radio"[^>]*name="q_diplome" value="bac"/);
      expect(html).toMatch(/<legend>Langues parlées<\/legend>[^]*?type="checkbox"[^>]*name="q_langues" value="bm"/);
      expect(html).toMatch(/<legend>Premier forum \? \(obligatoire\)<\/legend>[^]*?name="q_premier" value="yes"[^]*?name="q_premier" value="no"/);
      expect(html).toMatch(/<input id="q-experience" name="q_experience" type="text"[^>]*inputmode="decimal"/);
      expect(html).toMatch(/<textarea id="q-attentes" name="q_attentes"/);
      expect(text).toContain('Atelier CV');
      expect(text).toMatch(/Atelier CV .*10:00–11:00, Salle atelier — 1 place restante/);
      expect(text).toMatch(/Atelier pitch .*10:30–11:30 — 5 places restantes/);
      expect(text).toContain('J’accepte que mes données servent au forum.');
      expect(html).toMatch(/<input type="checkbox" id="consent" name="consent" value="yes" required/);
      expect(text).toContain('50 places restantes sur 50.');
      // The honeypot: out of sight, out of the tab order, never autofilled.
      expect(html).toMatch(
        /<div class="visually-hidden" aria-hidden="true">[^]*<input type="text" id="site_web" name="site_web" value autocomplete="off" tabindex="-1"\/>/,
      );
      expect(html).not.toContain('<script');

      const en = await page(`/e/${p.slug}/inscription?lang=en`);
      expect(en.html).toContain('<html lang="en">');
      expect(en.html).toContain(`action="/e/${p.slug}/inscription?lang=en"`);
      expect(pageText(en.html)).toContain('Highest degree (required)');
      expect(pageText(en.html)).toContain('I agree my data serves the forum.');
      expect(en.html).toContain('<option value="18-24">18 to 24</option>');
    });

    it('a filled honeypot answers exactly like a registration by email, and stores and sends nothing', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      await anEventWithWorkshops(p, { capacity: 50 });
      const seen = smtp.messages.length;
      const human = await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('humain'));
      const robot = await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('robot', { site_web: 'https://spam.example' }));
      expect([human.status, robot.status]).toEqual([200, 200]);
      const [a, b] = [await human.text(), await robot.text()];
      expect(b).toBe(a);
      expect(pageText(b)).toContain('Vérifiez vos e-mails');
      expect(await registrations(p.eventId)).toBe(1);
      await t.app.get(JobRunner).drain(['outbox']);
      await smtp.waitFor(seen + 1);
      expect(people.to('awarobot@example.ml')).toEqual([]);
    });

    it('shows each refusal beside its field and keeps what was typed, in French and in English; nothing is stored', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      const { cv, pitch } = await anEventWithWorkshops(p, { capacity: 50 });
      const bad = aFilledForm('faux', { firstName: ' ', phone: '12', q_diplome: '', q_experience: 'beaucoup', consent: '', sessionIds: [cv, pitch] });
      const fr = await postForm(t, `/e/${p.slug}/inscription`, bad);
      expect(fr.status).toBe(400);
      const html = await fr.text();
      expect(errorBeside(html, 'firstName')).toBeTruthy();
      expect(errorBeside(html, 'consent')).toBe('Cochez la case pour vous inscrire.');
      expect(html).toMatch(/<input id="firstName" name="firstName" type="text" value=" "[^>]*aria-invalid="true" aria-describedby="firstName-error"/);
      // What was typed stays: the email, the ticked languages and workshops, the text answer.
      expect(html).toContain('value="awafaux@example.ml"');
      expect(html).toMatch(/name="q_langues" value="bm" checked/);
      expect(html).toMatch(new RegExp(`name="sessionIds" value="${cv}" checked`));
      expect(html).toContain('>Trouver un stage</textarea>');
      expect(html).toContain('<div class="error" role="alert" tabindex="-1" id="form-errors">');
      expect(html).toContain('href="#firstName"');

      // The domain's own checks (phone, answers) once the form's are met, then the workshops.
      const domain = await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('faux', { phone: '12345', q_diplome: '', q_experience: 'beaucoup' }));
      expect(domain.status).toBe(400);
      const d = await domain.text();
      expect(errorBeside(d, 'phone')).toBe('Numéro de téléphone invalide.');
      expect(errorBeside(d, 'q-diplome')).toBe('Réponse obligatoire.');
      expect(errorBeside(d, 'q-experience')).toBe('Doit être un nombre.');
      const overlap = await postForm(t, `/e/${p.slug}/inscription?lang=en`, aFilledForm('overlap', { sessionIds: [cv, pitch] }));
      expect(overlap.status).toBe(409);
      const o = await overlap.text();
      expect(o).toContain('<html lang="en">');
      expect(errorBeside(o, 'ateliers')).toBe('This workshop overlaps another of your choices.');

      const en = await postForm(t, `/e/${p.slug}/inscription?lang=en`, aFilledForm('faux', { phone: '12', q_premier: '', consent: '' }));
      const e = await en.text();
      expect(en.status).toBe(400);
      expect(errorBeside(e, 'consent')).toBe('Tick the box to register.');
      const second = await postForm(t, `/e/${p.slug}/inscription?lang=en`, aFilledForm('faux2', { phone: '12345', q_premier: '' }));
      const s2 = await second.text();
      expect(errorBeside(s2, 'phone')).toBe('Invalid phone number.');
      expect(errorBeside(s2, 'q-premier')).toBe('An answer is required.');
      expect(await registrations(p.eventId)).toBe(0);
    });

    it('says when registration is not open instead of showing the form, and refuses a post all the same', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      await anOpenEvent(p, { registrationOpensAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString() });
      const soon = await page(`/e/${p.slug}/inscription`);
      expect(soon.res.status).toBe(200);
      expect(pageText(soon.html)).toMatch(/Les inscriptions ouvriront le \d+ juin 2026/);
      expect(soon.html).not.toContain('<form method="post"');
      const q = await ProgramApi.newEvent(t, owner);
      await anOpenEvent(q, { registrationClosesAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString() });
      const closed = await page(`/e/${q.slug}/inscription?lang=en`);
      expect(pageText(closed.html)).toContain('Registration is closed.');
      const late = await postForm(
        t,
        `/e/${q.slug}/inscription`,
        aFilledForm('tard').filter(([k]) => !k.startsWith('q_')),
      );
      expect(late.status).toBe(409);
      expect(pageText(await late.text())).toContain('Les inscriptions sont closes.');
      expect(await registrations(q.eventId)).toBe(0);
      expect((await page('/e/no-such-forum/inscription')).res.status).toBe(404);
    });

    it('without the opt-in, sends the new participant to their page; with it, says to check one’s email, which holds the link', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      await anEventWithWorkshops(p, { capacity: 50, confirmEmail: false });
      const res = await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('direct'));
      expect(res.status).toBe(303);
      const location = res.headers.get('location')!;
      expect(location).toMatch(/^\/r\/[\w-]{43}$/);
      const mine = await page(location);
      expect(pageText(mine.html)).toContain('Inscription confirmée');
      const [row] = await t.query(`SELECT answers, consent_text, locale FROM registrations WHERE email = 'awadirect@example.ml'`);
      expect(row.answers).toEqual({ diplome: 'licence', langues: ['fr', 'bm'], premier: true, experience: 2, attentes: 'Trouver un stage' });
      expect(row.locale).toBe('fr');
      await people.delivered(1);

      const q = await ProgramApi.newEvent(t, owner);
      await anEventWithWorkshops(q, { capacity: 50 });
      const optIn = await postForm(t, `/e/${q.slug}/inscription?lang=en`, aFilledForm('optin'));
      expect(optIn.status).toBe(200);
      const text = pageText(await optIn.text());
      expect(text).toContain('Check your email');
      expect(text).toContain('your seat is held for 48 hours');
      const [mail] = await people.delivered(1);
      expect(mail.parsed.subject).toMatch(/^Action needed: confirm/);
      expect((await page(`/r/${manageTokenIn(mail)}`)).res.status).toBe(200);
    });
    it('when full, the event page and the form say that newcomers join the waiting list, and the page gives their position', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      await anOpenEvent(p, { capacity: 1, confirmEmail: false });
      const form = (n: string) => aFilledForm(n).filter(([k]) => !k.startsWith('q_'));
      expect((await postForm(t, `/e/${p.slug}/inscription`, form('plein1'))).status).toBe(303);
      const event = pageText((await page(`/e/${p.slug}`)).html);
      expect(event).toContain('Complet : toutes les places sont prises. Les nouvelles inscriptions rejoignent la liste d’attente, par ordre d’arrivée.');
      expect((await page(`/e/${p.slug}`)).html).toContain(`href="/e/${p.slug}/inscription">S’inscrire</a>`);
      expect(pageText((await page(`/e/${p.slug}/inscription`)).html)).toContain('Inscrivez-vous quand même : vous rejoindrez la liste d’attente');
      const second = await postForm(t, `/e/${p.slug}/inscription?lang=en`, form('plein2'));
      const mine = pageText((await page(second.headers.get('location')!)).html);
      expect(mine).toContain('On the waiting list, position 1.');
      expect(mine).not.toContain('My ticket');
      await people.delivered(2);
    });

    it('counts posts of the form against the registration limits: a sixth try for one email in an hour is refused with a 429 page', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      await anOpenEvent(p, { capacity: 10 });
      const statuses: number[] = [];
      // Refused tries count too: an empty first name each time.
      for (let i = 0; i < 6; i++) statuses.push((await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('limite', { firstName: '' }))).status);
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
      const last = await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('limite'));
      expect(last.status).toBe(429);
      expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(last.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await registrations(p.eventId)).toBe(0);
    });
  });

  describe('the participant’s page', () => {
    it('shows a pending registration with its hold in the event’s time, never confirms on GET, and confirms by its button', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      await anEventWithWorkshops(p, { capacity: 50, holdHours: 24, timeZone: 'Africa/Abidjan' });
      await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('attente'));
      const token = manageTokenIn((await people.delivered(1))[0]);
      for (let i = 0; i < 2; i++) {
        const { res, html } = await page(`/r/${token}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('private, no-store');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(pageText(html)).toMatch(/En attente de votre confirmation : votre place est gardée jusqu’au 11 juin 2026 à 09:00 \(heure de Abidjan\)/);
        expect(html).toContain(`<form method="post" action="/r/${token}/confirmer"><button type="submit">Confirmer mon inscription</button></form>`);
        expect(html).not.toContain('id="billet"');
      }
      const [{ status }] = await t.query(`SELECT status FROM registrations WHERE email = 'awaattente@example.ml'`);
      expect(status).toBe('pending');

      const confirmed = await postForm(t, `/r/${token}/confirmer`);
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get('location')).toBe(`/r/${token}?fait=confirmee`);
      const { html } = await page(confirmed.headers.get('location')!);
      expect(pageText(html)).toContain('C’est noté : votre confirmation est enregistrée.');
      expect(pageText(html)).toContain('Inscription confirmée');
      const code = (await json<{ ticketCode: string }>(await people.call('GET', token))).ticketCode;
      expect(html).toMatch(/<h2 id="billet">Mon billet<\/h2>/);
      expect(html).toMatch(/<svg width="240" height="240" aria-hidden="true" focusable="false" xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(html).toContain(`<strong class="ticket-code">${code}</strong>`);
      expect(html).not.toContain('Confirmer mon inscription</button>');
      await people.delivered(1);
    });

    it('changes workshop choices, showing each one’s standing; corrects details and answers; refusals beside their fields', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      const { cv, pitch } = await anEventWithWorkshops(p, { capacity: 50, confirmEmail: false });
      const first = (await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('w1', { sessionIds: cv }))).headers.get('location')!;
      const second = (await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('w2'))).headers.get('location')!;
      expect(pageText((await page(first)).html)).toMatch(/Atelier CV .* — Vous êtes inscrit·e/);

      const chose = await postForm(t, `${second}/ateliers`, [['sessionIds', cv]]);
      expect(chose.status).toBe(303);
      const { html } = await page(chose.headers.get('location')!);
      expect(pageText(html)).toContain('Vos choix d’ateliers sont enregistrés.');
      expect(pageText(html)).toMatch(/Atelier CV .* — Liste d’attente, position 1/);
      expect(html).toMatch(new RegExp(`name="sessionIds" value="${cv}" checked`));
      const both = await postForm(t, `${second}/ateliers?lang=en`, [
        ['sessionIds', cv],
        ['sessionIds', pitch],
      ]);
      expect(both.status).toBe(409);
      expect(errorBeside(await both.text(), 'ateliers')).toBe('This workshop overlaps another of your choices.');
      const swapped = await postForm(t, `${second}/ateliers`, [['sessionIds', pitch]]);
      expect(swapped.status).toBe(303);
      expect(pageText((await page(second)).html)).toMatch(/Atelier pitch .* — Vous êtes inscrit·e/);

      const corrected = await postForm(t, `${second}/coordonnees`, aFilledForm('w2', { region: 'Kayes', q_diplome: 'bac', q_premier: 'no', q_langues: [] }));
      expect(corrected.status).toBe(303);
      const after = await page(corrected.headers.get('location')!);
      expect(pageText(after.html)).toContain('Vos informations sont enregistrées.');
      expect(after.html).toContain('<input id="region" name="region" type="text" value="Kayes"');
      const [row] = await t.query(`SELECT region, answers FROM registrations WHERE email = 'awaw2@example.ml'`);
      expect(row).toEqual({ region: 'Kayes', answers: { diplome: 'bac', premier: false, experience: 2, attentes: 'Trouver un stage' } });
      expect((await postForm(t, `${second}/coordonnees`, aFilledForm('w2', { q_attentes: 'x'.repeat(20_000) }))).status).toBe(413);
      expect((await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('gros', { q_attentes: 'x'.repeat(20_000) }))).status).toBe(413);
      const refused = await postForm(t, `${second}/coordonnees`, aFilledForm('w2', { lastName: '', q_premier: '', region: 'Sikasso' }));
      expect(refused.status).toBe(400);
      const r = await refused.text();
      expect(errorBeside(r, 'lastName')).toBeTruthy();
      expect(r).toContain('value="Sikasso"');
      expect((await t.query(`SELECT region FROM registrations WHERE email = 'awaw2@example.ml'`))[0].region).toBe('Kayes');
      await people.delivered(2);
    });

    it('cancels and erases only after a confirmation step; a wrong token is a 404 page', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      await anOpenEvent(p, { capacity: 5, confirmEmail: false });
      const me = (await json<{ manageToken: string }>(await people.register(p.slug, aParticipant('annule')))).manageToken;
      const step = await page(`/r/${me}/annuler`);
      expect(step.res.status).toBe(200);
      expect(step.html).toContain(
        `<form method="post" action="/r/${me}/annuler"><button type="submit" class="danger">Oui, annuler mon inscription</button></form>`,
      );
      expect((await json<{ status: string }>(await people.call('GET', me))).status).toBe('confirmed');
      const cancelled = await postForm(t, `/r/${me}/annuler`);
      expect(cancelled.headers.get('location')).toBe(`/r/${me}?fait=annulee`);
      const after = await page(`/r/${me}?fait=annulee`);
      expect(pageText(after.html)).toContain('Inscription annulée.');
      expect(after.html).not.toContain(`/r/${me}/annuler"`);

      const erase = await page(`/r/${me}/effacer?lang=en`);
      expect(pageText(erase.html)).toContain('This cannot be undone.');
      const erased = await postForm(t, `/r/${me}/effacer`);
      expect(erased.status).toBe(200);
      expect(pageText(await erased.text())).toContain('Vos données sont effacées');
      const gone = await page(`/r/${me}`);
      expect(gone.res.status).toBe(404);
      expect(gone.res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(gone.res.headers.get('referrer-policy')).toBe('no-referrer');
      expect((await page('/r/not-a-token-at-all')).res.status).toBe(404);
      expect((await postForm(t, '/r/not-a-token-at-all/confirmer')).status).toBe(404);
      await people.delivered(2);
    });

    it('gives the agenda as iCalendar and every piece of personal data as JSON', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      const { cv } = await anEventWithWorkshops(p, { capacity: 5, confirmEmail: false, consentText: { fr: 'J’accepte.', en: 'I agree.' } });
      const me = (await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('ics', { sessionIds: cv }))).headers.get('location')!;
      const token = me.slice(3);
      const { html } = await page(me);
      expect(html).toContain(`href="/api/v1/registrations/${token}/calendar.ics"`);
      expect(html).toContain(`href="/api/v1/registrations/${token}/data"`);
      const ics = await t.fetch(`/api/v1/registrations/${token}/calendar.ics`);
      expect(ics.status).toBe(200);
      expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(ics.headers.get('cache-control')).toBe('private, no-store');
      const body = await ics.text();
      expect(body.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
      expect(body).toContain('SUMMARY;LANGUAGE=fr:Forum de test');
      expect(body).toContain('SUMMARY;LANGUAGE=fr:Atelier CV');
      expect(body).toContain('DTSTART:20300610T100000Z');
      expect(body).toMatch(/^UID:registration-[A-Z0-9]+@forum\.example\.org\r$/m);
      expect(body).not.toContain(token);

      const data = await t.fetch(`/api/v1/registrations/${token}/data`);
      expect(data.headers.get('content-disposition')).toMatch(/^attachment; filename="inscription-[A-Z0-9]+\.json"$/);
      const mine = await json<Record<string, unknown> & { history: { action: string }[] }>(data);
      expect(mine).toMatchObject({
        status: 'confirmed',
        participant: { firstName: 'Awaics', email: 'awaics@example.ml', region: 'Bamako', answers: { diplome: 'licence' } },
        consent: { text: { fr: 'J’accepte.', en: 'I agree.' } },
        sessions: [expect.objectContaining({ id: cv, status: 'signed_up' })],
        source: 'online',
      });
      expect(mine.history.map((h) => h.action)).toEqual(['registered', 'sessions']);
      expect((await t.fetch('/api/v1/registrations/nope/data')).status).toBe(404);
      await people.delivered(1);
    });

    it('weighs under 30 KB with its stylesheet, the QR ticket inline, no script', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      await anEventWithWorkshops(p, { capacity: 5, confirmEmail: false });
      const me = (await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('poids'))).headers.get('location')!;
      for (const path of [me, `/e/${p.slug}/inscription`]) {
        const html = await rawGet(t.baseUrl + path, { accept: 'text/html', 'accept-encoding': 'br' });
        expect(html.status).toBe(200);
        const decoded = html.headers['content-encoding'] === 'br' ? brotliDecompressSync(html.body).toString('utf8') : html.body.toString('utf8');
        expect(decoded).not.toMatch(/<script\b/);
        let bytes = html.body.length;
        for (const [, href] of decoded.matchAll(/<link rel="stylesheet" href="([^"]+)"/g))
          bytes += (await rawGet(t.baseUrl + href, { 'accept-encoding': 'br' })).body.length;
        process.stdout.write(
          `[page weight] ${path.replace(/\/r\/.*/, '/r/{token}')}: ${bytes} bytes (br); HTML ${html.body.length} br / ${Buffer.byteLength(decoded)} raw\n`,
        );
        expect(bytes).toBeLessThan(30 * 1024);
      }
      await people.delivered(1);
    });
  });

  describe('seats left', () => {
    it('show one seat fewer at once on the event page and in the API after a registration, while the programme stays cached', async () => {
      const p = await ProgramApi.newEvent(t, owner);
      await anEventWithWorkshops(p, { capacity: 10, confirmEmail: false });
      const remaining = async () => (await json<{ registration: { remaining: number } }>(await t.fetch(`/api/v1/events/${p.slug}`))).registration.remaining;
      const seatsOnPage = async () => /(\d+) places restantes sur 10/.exec(pageText((await page(`/e/${p.slug}`)).html))?.[1];
      const renders = jest.spyOn(t.app.get(PublicPagesService), 'programPage');
      const programme = async () => expect((await page(`/e/${p.slug}/programme`)).res.status).toBe(200);
      expect([await remaining(), await seatsOnPage()]).toEqual([10, '10']);
      await programme();
      // Cached now: without the domain event, both would still say 10 for a few seconds.
      expect([await remaining(), await seatsOnPage()]).toEqual([10, '10']);
      const me = (await postForm(t, `/e/${p.slug}/inscription`, aFilledForm('frais'))).headers.get('location')!;
      expect([await remaining(), await seatsOnPage()]).toEqual([9, '9']);
      await postForm(t, `${me}/annuler`);
      expect([await remaining(), await seatsOnPage()]).toEqual([10, '10']);
      // The programme was rendered once: seats do not touch it.
      await programme();
      expect(renders).toHaveBeenCalledTimes(1);
      renders.mockRestore();
      await people.delivered(2);
    });
  });
});
