import { DataSource } from 'typeorm';
import { pageText } from './support/html';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aWorkshop, ProgramApi } from './support/program';
import { aParticipant, anOpenEvent, aQuestion, Participants } from './support/registration';
import { json, suiteApp } from './support/test-app';
import { signedIn, WebClient } from './support/web-client';

const QUESTIONS = [
  aQuestion('langues', 'multi', ['Langues parlées', 'Languages spoken'], {
    required: true,
    choices: [
      ['fr', 'Français'],
      ['bm', 'Bambara'],
    ],
  }),
  aQuestion('permis', 'boolean', 'Permis de conduire'),
  aQuestion('annees', 'number', "Années d'études"),
];

/** The registrations pages of the back-office, driven like a browser without JavaScript. */
describe('registrations back-office pages', () => {
  let owner: TestOrganizer;
  let p: ProgramApi;
  let workshop: string;
  let asOwner: WebClient;
  const refs: Record<string, string> = {};
  const base = () => `/admin/o/${owner.organizationSlug}/events/${p.slug}`;

  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t, { organization: 'Forum Emploi Jeunes' });
    p = await ProgramApi.newEvent(t, owner);
    workshop = (await p.session(aWorkshop().titled('Atelier CV').on(1, '10:00', '11:00').with({ capacity: 3 }))).id;
    expect((await p.release()).status).toBe(201);
    await anOpenEvent(p, { capacity: 2, confirmEmail: false, questions: QUESTIONS });
    const people = new Participants(t, undefined as never);
    for (const [key, overrides] of [
      ['awa', { lastName: 'Traoré', region: 'Ségou', answers: { langues: ['fr', 'bm'] }, sessionIds: [workshop] }],
      ['evil', { firstName: '<script>alert(1)</script>', lastName: 'Pirate', answers: { langues: ['fr'] } }],
      ['ali', { lastName: 'Keïta', answers: { langues: ['bm'] } }],
    ] as const) {
      const res = await people.register(p.slug, aParticipant(key, overrides));
      refs[key] = (await json<{ reference: string }>(res)).reference;
    }
    asOwner = await signedIn(t, owner.email, owner.password);
  });

  it('shows the figures, the list with filters and paging, and the export link; escapes what participants typed', async () => {
    const res = await asOwner.get(`${base()}/registrations`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = pageText(html);
    expect(text).toContain('Places prises : 2 / 2');
    expect(text).toContain("Liste d'attente : 1");
    expect(text).toMatch(/Atelier CV .* 1 \/ 3/);
    expect(text).toContain('3 inscription(s) — page 1 sur 1');
    expect(html).toContain('&lt;script>alert(1)&lt;/script> Pirate');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain(`href="/api/v1/events/${p.slug}/registrations.csv"`);
    expect(html).toContain(`href="${base()}/registrations/${refs.awa}"`);
    expect(html).toContain('aria-current="page">Inscriptions</a>');

    const search = pageText(await (await asOwner.get(`${base()}/registrations?q=traore&status=confirmed`)).text());
    expect(search).toContain('1 inscription(s)');
    expect(search).toContain('Awaawa Traoré');
    const filtered = await (await asOwner.get(`${base()}/registrations?question=langues&answer=bm&region=&status=`)).text();
    expect(pageText(filtered)).toContain('2 inscription(s)');
    expect(filtered).toContain(`href="/api/v1/events/${p.slug}/registrations.csv?question=langues&amp;answer=bm"`);
    const bySession = pageText(await (await asOwner.get(`${base()}/registrations?sessionId=${workshop}`)).text());
    expect(bySession).toContain('1 inscription(s)');

    const paged = await (await asOwner.get(`${base()}/registrations?pageSize=2&page=1&q=a`)).text();
    expect(pageText(paged)).toContain('page 1 sur 2');
    expect(paged).toContain(`href="${base()}/registrations?q=a&amp;page=2"`);

    const wrong = await asOwner.get(`${base()}/registrations?question=langues`);
    expect(wrong.status).toBe(400);
    expect(pageText(await wrong.text())).toContain('Donnez la réponse cherchée.');

    const en = pageText(await (await asOwner.get(`${base()}/registrations?lang=en`)).text());
    expect(en).toContain('Seats taken: 2 / 2');
    await asOwner.get(`${base()}/registrations?lang=fr`); // the choice is remembered: back to French
  });

  it('shows one registration with its answers and history; cancels it (the waiting list moves up) and resends the link', async () => {
    const page = await asOwner.get(`${base()}/registrations/${refs.awa}`);
    expect(page.status).toBe(200);
    const text = pageText(await page.text());
    expect(text).toContain('Langues parlées Français ; Bambara');
    expect(text).toContain('Atelier CV — inscrit·e');
    expect(text).toMatch(/Historique .*Inscription la personne/);

    const resent = await asOwner.post(`${base()}/registrations/${refs.awa}/resend`);
    expect(resent.status).toBe(303);
    expect(resent.headers.get('location')).toBe(`${base()}/registrations/${refs.awa}?done=resent`);
    expect(pageText(await (await asOwner.get(resent.headers.get('location')!)).text())).toMatch(/Lien renvoyé par e-mail\..*Lien renvoyé vous/);
    const again = await asOwner.post(`${base()}/registrations/${refs.awa}/resend`);
    expect(again.headers.get('location')).toContain('done=already-sent');

    const cancelled = await asOwner.post(`${base()}/registrations/${refs.awa}/cancel`);
    expect(cancelled.status).toBe(303);
    const after = pageText(await (await asOwner.get(cancelled.headers.get('location')!)).text());
    expect(after).toContain('Inscription annulée : la personne est prévenue');
    expect(after).toContain('Statut Annulée');
    expect(after).not.toContain("Annuler l'inscription");
    expect(pageText(await (await asOwner.get(`${base()}/registrations/${refs.ali}`)).text())).toContain('Statut Confirmée');
    // Without the form token, nothing happens.
    const forged = await asOwner.request(`${base()}/registrations/${refs.ali}/cancel`, { form: { _csrf: 'forged' } });
    expect(forged.status).toBe(403);
  });

  it('lets the desk add someone (email optional, answers and workshops) and search, without cancel or resend', async () => {
    const desk = await anOrganizer(t, { organization: owner.organizationSlug, role: 'desk' });
    const asDesk = await signedIn(t, desk.email, desk.password);
    const list = await (await asDesk.get(`${base()}/registrations`)).text();
    expect(list).toContain(`href="${base()}/registrations/new"`);
    expect(list).not.toContain('Anonymiser');
    const form = await asDesk.get(`${base()}/registrations/new`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('name="answers.langues" type="checkbox" value="bm"');
    expect(formHtml).toContain(`name="sessionIds" type="checkbox" value="${workshop}"`);

    const blank = await asDesk.post(`${base()}/registrations`, { firstName: 'Moussa', lastName: ' ', phone: '', email: '' });
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain('<a href="#desk-last-name">Ce champ ne peut pas être vide.</a>');
    const refused = await asDesk.post(`${base()}/registrations`, {
      firstName: 'Moussa',
      lastName: 'Sangaré',
      phone: '',
      email: '',
      'answers.annees': 'beaucoup',
    });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('<a href="#desk-answer-annees">Doit être un nombre.</a>');
    expect(refusedHtml).toContain('value="beaucoup"');
    const errors = pageText(refusedHtml);
    expect(errors).toContain('Donnez un e-mail ou un téléphone.');
    expect(errors).toContain('Doit être un nombre.');
    // At the desk a required question may stay unanswered (nobody waits for the online form's questions).
    expect(errors).not.toContain('Réponse obligatoire.');

    const added = await asDesk.request(`${base()}/registrations`, {
      form: {
        _csrf: asDesk.csrf!,
        firstName: 'Moussa',
        lastName: 'Sangaré',
        phone: '66 12 34 56',
        email: '',
        region: 'Mopti',
        locale: 'fr',
        'answers.permis': 'true',
        'answers.annees': '4',
      },
    });
    // Two checkboxes of one name, as a browser sends them.
    const body = new URLSearchParams({ _csrf: asDesk.csrf!, firstName: 'Fanta', lastName: 'Coulibaly', email: 'fanta@example.ml', locale: 'en' });
    body.append('answers.langues', 'fr');
    body.append('answers.langues', 'bm');
    body.append('sessionIds', workshop);
    const cookie = [...asDesk.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const fanta = await t.fetch(`${base()}/registrations`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      redirect: 'manual',
    });
    // Added although the required question was left out: at the desk nobody waits for it.
    expect(added.status).toBe(303);
    expect(fanta.status).toBe(303);
    const detail = pageText(await (await asDesk.get(fanta.headers.get('location')!)).text());
    expect(detail).toContain('Personne inscrite.');
    expect(detail).toContain('Langues parlées Français ; Bambara');
    expect(detail).toContain('Origine Ajoutée à l’accueil');
    expect(detail).not.toContain('Renvoyer le lien');
    expect(detail).not.toContain("Annuler l'inscription");
    const search = pageText(await (await asDesk.get(`${base()}/registrations?q=coulibaly`)).text());
    expect(search).toContain('Fanta Coulibaly');
    expect((await asDesk.post(`${base()}/registrations/${refs.ali}/cancel`)).status).toBe(403);
  });

  it('shows the program role no participant: no tab, 403 on every page, no name anywhere', async () => {
    const program = await anOrganizer(t, { organization: owner.organizationSlug, role: 'program' });
    const asProgram = await signedIn(t, program.email, program.password);
    const settings = await (await asProgram.get(base())).text();
    expect(settings).not.toContain('/registrations');
    for (const path of ['/registrations', `/registrations/${refs.ali}`, '/registrations/new', '/registrations?q=keita']) {
      const res = await asProgram.get(`${base()}${path}`);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('Keïta');
    }
    const viewer = await anOrganizer(t, { organization: owner.organizationSlug, role: 'viewer' });
    const asViewer = await signedIn(t, viewer.email, viewer.password);
    const list = await (await asViewer.get(`${base()}/registrations`)).text();
    expect(list).toContain('Keïta');
    expect(list).not.toContain('/registrations/new');
    expect(await (await asViewer.get(`${base()}/registrations/${refs.ali}`)).text()).not.toContain('/cancel');
  });

  it('offers anonymization once the event is over', async () => {
    expect(await (await asOwner.get(`${base()}/registrations`)).text()).not.toContain('Anonymiser');
    await p.ok('PATCH', '', { startsAt: '2026-06-01T08:00:00Z', endsAt: '2026-06-02T18:00:00Z' });
    expect(await (await asOwner.get(`${base()}/registrations`)).text()).toContain('Anonymiser les inscriptions');
    // Without the box ticked, nothing is erased.
    const unconfirmed = await asOwner.post(`${base()}/registrations/anonymize`);
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('Cochez la case pour confirmer');
    const [{ kept }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS kept FROM registrations WHERE event_id = $1 AND erased_at IS NULL`, [p.eventId]);
    expect(kept).toBeGreaterThan(0);
    const done = await asOwner.post(`${base()}/registrations/anonymize`, { confirm: 'oui' });
    expect(done.status).toBe(303);
    const text = pageText(await (await asOwner.get(done.headers.get('location')!)).text());
    expect(text).toContain('Les données personnelles des inscriptions ont été effacées.');
    expect(text).not.toContain('Keïta');
    const [{ n }] = await t.query(`SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND erased_at IS NULL`, [p.eventId]);
    expect(n).toBe(0);
  });
});
