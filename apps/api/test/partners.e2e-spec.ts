import { DataSource } from 'typeorm';
import { aPng } from '@palabre/testing';
import { decode, pageText } from './support/html';
import { anOrganizer } from './support/organizers';
import { aPartner, PartnerApi } from './support/partners';
import { at, ProgramApi, ProblemBody } from './support/program';
import { json, startTestApp, TestApp } from './support/test-app';
import { lastLink, tokenOf, WebClient } from './support/web-client';

type Figures = { status: string; reviewComment: string | null; values: { indicator: string; value: number; note: string | null; source: string | null }[] };
type Impact = {
  year: number | null;
  partners: number;
  contributors: number;
  headline: { organizations: number; employed: number; nationalsShare: number | null } | null;
  indicators: { key: string; total: number | null; contributors: number; people: number | null }[];
  bySector: { key: string; partners: number; trained: number | null }[];
  byRegion: { key: string; partners: number }[];
};

const YEAR = 2025;
/** Spaces as a reader sees them: French writes thousands and percentages with narrow no-break spaces. */
const plain = (html: string) => pageText(decode(html)).replace(/[\u202f\u00a0]/g, ' ');
const DAY = 86_400_000;

/**
 * The forum's NGOs (issue #15): the lead invites partners; a partner's member fills in the
 * profile and the year's figures, posts an opportunity and proposes a session; the lead sends
 * the figures back, then accepts them; the impact page, its JSON and its CSV add up exactly
 * the accepted figures; the lead publishes the session in a release; and another partner sees
 * nothing of the first's drafts, figures under review or interested participants.
 */
describe('partners of an event', () => {
  let t: TestApp;
  let lead: ProgramApi;
  let sahel: PartnerApi;
  let sante: PartnerApi;
  let pending: PartnerApi;
  let opportunityId: string;
  let opportunityNumber: number;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const ministry = await anOrganizer(t, { organization: 'Ministère de l’Entrepreneuriat national' });
    lead = await ProgramApi.newEvent(t, ministry, { title: { fr: 'Forum Job Cluster 2030', en: 'Job Cluster Forum 2030' } });
    await lead.publishEvent();
  }, 120_000);
  afterAll(() => t?.close());

  it('invites a new organization: its invitee becomes its owner through the emailed link, and lands in the partner area', async () => {
    const res = await lead.call('POST', '/partners', { name: 'Sahel Emploi Jeunes', email: 'Direction@Sahel-Emploi.example', acronym: 'SEJ' });
    expect(res.status).toBe(201);
    const body = await json<{ organization: string; partner: { id: string; slug: string; acronym: string } }>(res);
    expect(body).toMatchObject({ organization: 'created', partner: { slug: 'sahel-emploi-jeunes', acronym: 'SEJ' } });

    const link = await lastLink(t, 'direction@sahel-emploi.example', 'partner.invitation');
    const invitee = new WebClient(t);
    expect((await invitee.get(`/admin/invitation?token=${tokenOf(link)}`)).status).toBe(200);
    const accepted = await invitee.post('/admin/invitation', { token: tokenOf(link) });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/admin/o/sahel-emploi-jeunes');
    const area = await invitee.get(`/admin/o/sahel-emploi-jeunes/partenariats/${lead.slug}`);
    expect(area.status).toBe(200);
    expect(plain(await area.text())).toContain('Forum Job Cluster 2030');

    const member = await anOrganizer(t, { organization: 'sahel-emploi-jeunes', role: 'program' });
    sahel = new PartnerApi(t, member, lead.slug, body.partner.id);
  });

  it('tells an existing organization’s owners, and invites nobody into it', async () => {
    const owner = await anOrganizer(t, { organization: 'Réseau Santé Mali' });
    const res = await lead.call('POST', '/partners', { name: 'Réseau Santé Mali', email: 'stranger@example.org' });
    const invited = await json<{ organization: string; partner: { id: string } }>(res);
    expect(invited).toMatchObject({ organization: 'existing' });
    expect(await lastLink(t, owner.email, 'partner.invitation')).toContain(`/admin/o/reseau-sante-mali/partenariats/${lead.slug}`);
    await expect(lastLink(t, 'stranger@example.org', 'partner.invitation')).rejects.toThrow();
    const member = await anOrganizer(t, { organization: 'reseau-sante-mali', role: 'program' });
    sante = new PartnerApi(t, member, lead.slug, invited.partner.id);
    pending = await aPartner(lead, 'Femmes et Terres du Sahel');
  });

  it('refuses a partner twice, and the lead’s own organization, naming the field', async () => {
    const twice = await lead.call('POST', '/partners', { name: 'Sahel Emploi Jeunes', email: 'x@example.org' });
    expect(twice.status).toBe(409);
    expect(await json<ProblemBody>(twice)).toMatchObject({ code: 'ALREADY_PARTNER', errors: [{ field: 'name' }] });
    const own = await lead.call('POST', '/partners', { name: 'Ministère de l’Entrepreneuriat national', email: 'x@example.org' });
    expect(await json<ProblemBody>(own)).toMatchObject({ status: 409, code: 'OWN_ORGANIZATION' });
    const bad = await lead.call('POST', '/partners', { name: ' ', email: 'pas-un-email' }, { 'accept-language': 'fr' });
    expect(bad.status).toBe(400);
    expect((await json<ProblemBody>(bad)).errors!.map((e) => e.field).sort()).toEqual(['email', 'name']);
  });

  it('lets the partner’s member fill in the public profile and its logo', async () => {
    const profile = await sahel.ok('PATCH', '', {
      mission: { fr: 'Former et insérer les jeunes dans l’emploi.', en: 'Training young people into jobs.' },
      sectors: ['training', 'health'],
      regions: ['bamako', 'kayes'],
      website: 'https://sahel-emploi.example',
      contactEmail: 'Contact@Sahel-Emploi.example',
      contactPhone: '+223 20 22 33 44',
    });
    expect(profile).toMatchObject({ sectors: ['training', 'health'], regions: ['bamako', 'kayes'], contactEmail: 'contact@sahel-emploi.example' });
    await sante.ok('PATCH', '', { sectors: ['health', 'agriculture'], regions: ['sikasso', 'bamako'] });

    const region = await sahel.call('PATCH', '', { regions: ['paris'] });
    expect(region.status).toBe(400);
    expect((await json<ProblemBody>(region)).errors!.map((e) => e.field)).toEqual(['regions']);
    const sector = await sahel.call('PATCH', '', { sectors: ['astrologie'] });
    expect(await json<ProblemBody>(sector)).toMatchObject({ status: 400, code: 'UNKNOWN_SECTOR', errors: [{ field: 'sectors.0' }] });

    const logo = await t.fetch(`${sahel.base}/logo`, {
      method: 'PUT',
      headers: { authorization: sahel.member.headers.authorization, 'content-type': 'image/png' },
      body: new Uint8Array(await aPng(300, 120)),
    });
    expect(logo.status).toBe(200);
    const { logo: paths } = await json<{ logo: { small: string } }>(logo);
    const file = await t.fetch(paths.small);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/webp');
    const svg = await t.fetch(`${sahel.base}/logo`, {
      method: 'PUT',
      headers: { authorization: sahel.member.headers.authorization, 'content-type': 'image/svg+xml' },
      body: '<svg/>',
    });
    expect(svg.status).toBe(415);
  });

  it('takes the year’s figures, each value with a note and a source, and locks them once submitted', async () => {
    const draft = await sahel.ok<Figures>('PUT', `/figures/${YEAR}`, {
      values: [
        { indicator: 'employed', value: 120, note: 'CDI et CDD', source: 'Registre du personnel' },
        { indicator: 'employed-nationals', value: 90 },
        { indicator: 'youth-trained', value: 40 },
        { indicator: 'trained-health', value: 30 },
      ],
    });
    expect(draft.status).toBe('draft');
    expect(draft.values.find((v) => v.indicator === 'employed')).toEqual({
      indicator: 'employed',
      value: 120,
      note: 'CDI et CDD',
      source: 'Registre du personnel',
    });

    const invalid = await sahel.call('PUT', `/figures/${YEAR}`, {
      values: [
        { indicator: 'employed', value: 12.5 },
        { indicator: 'employed-nationals', value: 130 },
        { indicator: 'licornes', value: 1 },
      ],
    });
    expect(invalid.status).toBe(400);
    expect((await json<ProblemBody>(invalid)).errors!.map((e) => e.field)).toEqual(['values.0.value', 'values.1.value', 'values.2.indicator']);
    expect((await sahel.call('PUT', '/figures/1850', { values: [] })).status).toBe(400);

    expect((await sahel.ok<Figures>('POST', `/figures/${YEAR}/submit`)).status).toBe('submitted');
    const locked = await sahel.call('PUT', `/figures/${YEAR}`, { values: [{ indicator: 'employed', value: 1 }] });
    expect(await json<ProblemBody>(locked)).toMatchObject({ status: 409, code: 'FIGURES_LOCKED' });
  });

  it('lets the lead send figures back with a comment, then accept them', async () => {
    const reviewable = await lead.ok<{ items: { partnerName: string; status: string }[] }>('GET', '/partner-figures');
    expect(reviewable.items).toEqual([expect.objectContaining({ partnerName: 'Sahel Emploi Jeunes', status: 'submitted' })]);

    const back = await lead.ok<Figures>('POST', `/partners/${sahel.partnerId}/figures/${YEAR}/send-back`, {
      comment: 'La part de nationaux semble basse : vérifiez.',
    });
    expect(back).toMatchObject({ status: 'sent_back', reviewComment: 'La part de nationaux semble basse : vérifiez.' });
    const seen = await sahel.ok<{ items: Figures[] }>('GET', '/figures');
    expect(seen.items[0]).toMatchObject({ status: 'sent_back', reviewComment: 'La part de nationaux semble basse : vérifiez.' });
    expect(await json<ProblemBody>(await lead.call('POST', `/partners/${sahel.partnerId}/figures/${YEAR}/accept`))).toMatchObject({
      code: 'FIGURES_NOT_SUBMITTED',
    });

    await sahel.submitFigures(YEAR, { employed: 120, 'employed-nationals': 95, 'youth-trained': 40, 'trained-health': 30 });
    expect((await lead.ok<Figures>('POST', `/partners/${sahel.partnerId}/figures/${YEAR}/accept`)).status).toBe('accepted');

    await sante.submitFigures(YEAR, { employed: 80, 'employed-nationals': 100, 'youth-trained': 10, 'trained-farming': 25 });
    await lead.ok('POST', `/partners/${sante.partnerId}/figures/${YEAR}/accept`);
    // Under review: it must not count.
    await pending.submitFigures(YEAR, { employed: 5000, 'employed-nationals': 10 });
    // A draft the lead never sees.
    await sante.ok('PUT', `/figures/${YEAR + 1}`, { values: [{ indicator: 'employed', value: 999 }] });
    const list = await lead.ok<{ items: { partnerName: string; year: number }[] }>('GET', '/partner-figures');
    expect(list.items.some((f) => f.year === YEAR + 1)).toBe(false);
  });

  it('adds up exactly the accepted figures on the impact page, its JSON and its CSV, inventing nothing', async () => {
    const impact = await json<Impact>(await t.fetch(`/api/v1/events/${lead.slug}/impact`));
    const total = (key: string) => impact.indicators.find((i) => i.key === key)!;
    expect(impact).toMatchObject({ year: YEAR, partners: 3, contributors: 2 });
    // (120 × 95 % + 80 × 100 %) / 200 = 97 %.
    expect(impact.headline).toEqual({ organizations: 2, employed: 200, nationalsShare: 97, nationalsContributors: 2 });
    expect(total('youth-trained')).toMatchObject({ total: 50, contributors: 2 });
    expect(total('employed-nationals')).toMatchObject({ total: 97, people: 194 });
    expect(total('income-supported')).toMatchObject({ total: null, contributors: 0 });
    expect(impact.bySector.find((s) => s.key === 'health')).toEqual(expect.objectContaining({ partners: 2, trained: 30 }));
    expect(impact.bySector.find((s) => s.key === 'agriculture')).toEqual(expect.objectContaining({ partners: 1, trained: 25 }));
    expect(impact.bySector.find((s) => s.key === 'livestock')!.trained).toBeNull();
    expect(impact.byRegion.find((r) => r.key === 'bamako')!.partners).toBe(2);

    const page = plain(await (await t.fetch(`/e/${lead.slug}/impact`)).text());
    expect(page).toContain(`En ${YEAR}, 2 organisations emploient 200 personnes, dont 97 % de nationaux.`);
    expect(page).toContain('2 partenaires sur 3 ont contribué');
    expect(page).toMatch(/Personnes accompagnées dans des activités génératrices de revenus\s*non communiqué/);
    expect(page).toContain('Personnes formées par secteur');

    const bytes = Buffer.from(await (await t.fetch(`/api/v1/events/${lead.slug}/impact.csv`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv).toContain('Indicateurs,Personnes employées,Personnes,200,2\r\n');
    expect(csv).toContain('Indicateurs,Jeunes formés,Personnes,50,2\r\n');
    expect(csv).toContain('Indicateurs,Personnes accompagnées dans des activités génératrices de revenus,Personnes,,0\r\n');
    expect(csv).toContain('Par secteur,Santé,Personnes formées,30,\r\n');
    expect((await t.fetch(`/api/v1/events/${lead.slug}/impact?year=1200`)).status).toBe(400);
  });

  it('puts an opportunity on the board until its deadline; a participant leaves a contact with consent', async () => {
    const deadline = new Date(t.clock.now().getTime() + 10 * DAY).toISOString().slice(0, 10);
    const posted = await sahel.ok<{ id: string; number: number; open: boolean }>('POST', '/opportunities', {
      kind: 'job',
      title: 'Animatrice ou animateur d’insertion',
      description: 'Accompagner des jeunes vers l’emploi à Kayes.',
      region: 'kayes',
      sector: 'training',
      deadline,
      howToApply: 'CV et lettre à recrutement@sahel-emploi.example',
      acceptsContacts: true,
    });
    opportunityId = posted.id;
    opportunityNumber = posted.number;
    const past = await sahel.call('POST', '/opportunities', { kind: 'job', title: 'Trop tard', region: 'kayes', deadline: '2020-01-01', howToApply: 'x' });
    expect(await json<ProblemBody>(past)).toMatchObject({ status: 422, code: 'DEADLINE_PASSED', errors: [{ field: 'deadline' }] });

    expect(plain(await (await t.fetch(`/e/${lead.slug}/opportunites?region=kayes&type=job`)).text())).toContain('Animatrice ou animateur d’insertion');
    expect(plain(await (await t.fetch(`/e/${lead.slug}/opportunites?region=gao`)).text())).not.toContain('Animatrice');
    expect(plain(await (await t.fetch(`/e/${lead.slug}/partenaires/sahel-emploi-jeunes`)).text())).toContain('Animatrice ou animateur d’insertion');

    const path = `/e/${lead.slug}/opportunites/${opportunityNumber}`;
    const visitor = new WebClient(t);
    await visitor.get(path);
    const noConsent = await visitor.post(path, { name: 'Awa Traoré', email: 'awa@example.ml' });
    expect(noConsent.status).toBe(400);
    const refused = await noConsent.text();
    expect(refused).toContain('value="Awa Traoré"');
    expect(refused).toMatch(/id="consent-error"/);
    const left = await visitor.post(path, { name: 'Awa Traoré', email: 'awa@example.ml', consent: 'oui' });
    expect(left.status).toBe(303);
    expect(left.headers.get('location')).toBe(`${path}?envoye=1`);

    const interests = await sahel.ok<{ items: { name: string; email: string; consentText: string; consentedAt: string }[] }>(
      'GET',
      `/opportunities/${opportunityId}/interests`,
    );
    expect(interests.items).toEqual([
      expect.objectContaining({
        name: 'Awa Traoré',
        email: 'awa@example.ml',
        consentText: expect.stringContaining('Sahel Emploi Jeunes'),
        consentedAt: t.clock.now().toISOString().slice(0, 0) ? expect.any(String) : expect.any(String),
      }),
    ]);
    expect((await sahel.ok<{ items: { contacts: number }[] }>('GET', '/opportunities')).items[0].contacts).toBe(1);
  });

  it('lets the partner propose a session, which the lead places and publishes in a release', async () => {
    const proposed = await sahel.call('POST', '/sessions', {
      title: { fr: 'Atelier : trouver son premier emploi' },
      type: 'workshop',
      startsAt: at(1, '14:00'),
      endsAt: at(1, '15:30'),
    });
    expect(proposed.status).toBe(201);
    const session = await json<{ id: string; status: string; room: unknown }>(proposed);
    expect(session).toMatchObject({ status: 'draft', room: null });
    sessionId = session.id;
    const outside = await sahel.call('POST', '/sessions', { title: { fr: 'Hors forum' }, type: 'workshop', startsAt: at(3, '14:00'), endsAt: at(3, '15:00') });
    expect(outside.status).toBe(422);

    const draft = await lead.draft();
    expect(draft.find((s) => s.id === sessionId)).toMatchObject({ status: 'draft' });
    const room = await lead.room('Salle Djoliba', 60);
    expect((await lead.moveSession(sessionId, { roomId: room, status: 'confirmed', capacity: 40 })).status).toBe(200);
    expect((await lead.release('Avec l’atelier de Sahel Emploi Jeunes')).status).toBe(201);

    const page = plain(await (await t.fetch(`/e/${lead.slug}/partenaires/sahel-emploi-jeunes`)).text());
    expect(page).toContain('Atelier : trouver son premier emploi');
    const own = await sahel.ok<{ items: { id: string; status: string; room: { name: string }; attendance: unknown }[] }>('GET', '/sessions');
    expect(own.items).toEqual([
      expect.objectContaining({ id: sessionId, status: 'confirmed', room: expect.objectContaining({ name: 'Salle Djoliba' }), attendance: null }),
    ]);
  });

  it('shows a second partner nothing of the first’s drafts, figures under review or interested participants', async () => {
    const first = `/api/v1/organizations/${sahel.member.organizationSlug}/partnerships/${lead.slug}`;
    for (const path of ['', '/figures', '/opportunities', `/opportunities/${opportunityId}/interests`, '/sessions']) {
      expect((await t.fetch(first + path, { headers: { authorization: sante.member.headers.authorization } })).status).toBe(404);
    }
    // Through its own area, the first's ids name nothing.
    expect((await sante.call('GET', `/opportunities/${opportunityId}/interests`)).status).toBe(404);
    expect((await sante.call('DELETE', `/opportunities/${opportunityId}`)).status).toBe(404);
    expect((await sante.ok<{ items: unknown[] }>('GET', '/opportunities')).items).toEqual([]);
    expect((await sante.ok<{ items: unknown[] }>('GET', '/sessions')).items).toEqual([]);
    const figures = await sante.ok<{ items: { partnerId: string }[] }>('GET', '/figures');
    expect(figures.items.every((f) => f.partnerId === sante.partnerId)).toBe(true);
    // Nor the lead's side: partners, figures under review, the working draft.
    for (const path of ['/partners', '/partner-figures', `/partners/${pending.partnerId}`, '/program/sessions']) {
      expect((await t.fetch(`/api/v1/events/${lead.slug}${path}`, { headers: { authorization: sante.member.headers.authorization } })).status).toBe(404);
    }
    // And the lead does not enter a partner's area.
    expect((await t.fetch(`${first}/figures`, { headers: { authorization: lead.org.headers.authorization } })).status).toBe(404);
  });

  it('lets a partner’s viewer read its area but not write it, nor read the contacts', async () => {
    const viewer = new PartnerApi(t, await anOrganizer(t, { organization: 'sahel-emploi-jeunes', role: 'viewer' }), lead.slug, sahel.partnerId);
    expect((await viewer.call('GET', '/figures')).status).toBe(200);
    expect((await viewer.call('PATCH', '', { acronym: 'X' })).status).toBe(403);
    expect((await viewer.call('GET', `/opportunities/${opportunityId}/interests`)).status).toBe(403);
  });

  it('takes an opportunity off the board after its deadline, by the clock', async () => {
    t.clock.advance(11 * DAY);
    expect(plain(await (await t.fetch(`/e/${lead.slug}/opportunites`)).text())).not.toContain('Animatrice');
    expect((await t.fetch(`/e/${lead.slug}/opportunites/${opportunityNumber}`)).status).toBe(404);
    expect((await sahel.ok<{ items: { open: boolean }[] }>('GET', '/opportunities')).items[0].open).toBe(false);
    const rows = await t.app.get(DataSource).query<{ n: string }[]>('SELECT count(*) AS n FROM opportunity_interests');
    expect(Number(rows[0].n)).toBe(1);
  });
});
