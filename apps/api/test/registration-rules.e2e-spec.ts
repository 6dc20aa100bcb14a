import { hashSecret } from '@palabre/identity';
import { JobRunner } from '@palabre/platform';
import { TestOrganizer } from './support/organizers';
import { aWorkshop, at, ProblemBody, ProgramApi } from './support/program';
import { aParticipant, anOpenEvent, aQuestion, manageTokenIn, Participants, aRegistrationWorld, Registered } from './support/registration';
import { json, TestApp } from './support/test-app';

type Mine = {
  reference: string;
  status: string;
  waitlistPosition?: number;
  ticketCode?: string;
  sessions: { id: string; status: string; waitlistPosition?: number }[];
};

/**
 * Rules 1–5 and 10 of domain.md over HTTP, with every email each step sends read back from a
 * real SMTP server, in French and in English.
 */
describe('registration: seats, waiting list, duplicates, keys, holds, personal data', () => {
  let t: TestApp;
  let owner: TestOrganizer;
  let people: Participants;

  beforeAll(async () => {
    ({ t, owner, people } = await aRegistrationWorld('Ministère de l’Emploi', { PUBLIC_URL: 'https://forum.example.org' }));
  });
  afterAll(() => t?.close());
  afterEach(() => t.clock.reset());

  const remaining = async (slug: string) =>
    (await json<{ registration: { remaining: number | null; open: boolean } }>(await t.fetch(`/api/v1/events/${slug}`))).registration;

  it('rules 1 and 2: seats up to the capacity, then the waiting list; a cancellation promotes its head, who is told', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 2, confirmEmail: false });
    const seen = people.smtp.messages.length;
    const answers: Registered[] = [];
    for (const [n, locale] of [
      [1, 'fr'],
      [2, 'fr'],
      [3, 'en'],
      [4, 'fr'],
    ] as const) {
      const res = await people.register(p.slug, aParticipant(`r${n}`, { locale }));
      expect(res.status).toBe(201);
      answers.push(await json<Registered>(res));
    }
    expect(answers.map((a) => [a.status, a.waitlistPosition])).toEqual([
      ['confirmed', undefined],
      ['confirmed', undefined],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect(answers[0].manageToken).toMatch(/^[\w-]{43}$/);
    // Rule 9: the token is stored only as its hash.
    const stored = (token: string) => t.query(`SELECT 1 FROM registration_tokens WHERE token_hash = $1`, [token]);
    expect(await stored(hashSecret(answers[0].manageToken))).toHaveLength(1);
    expect(await stored(answers[0].manageToken)).toHaveLength(0);
    expect(await remaining(p.slug)).toMatchObject({ open: true, capacity: 2, remaining: 0 });

    const mails = await people.delivered(4, seen);
    expect(people.to('awar1@example.ml')[0].parsed.subject).toMatch(/^Inscription confirmée/);
    expect(people.to('awar3@example.ml')[0].parsed.subject).toMatch(/^Waiting list: .* \(position 1\)/);
    expect(people.to('awar4@example.ml')[0].parsed.subject).toMatch(/^Liste d'attente : .* \(position 2\)/);
    expect(mails).toHaveLength(4);

    // The first one cancels: the head of the list gets the seat, in English, with a ticket.
    expect(await json(await people.call('POST', answers[0].manageToken, '/cancel'))).toEqual({ status: 'cancelled' });
    const after = await people.delivered(2);
    expect(after.map((m) => m.envelopeTo[0]).sort()).toEqual(['awar1@example.ml', 'awar3@example.ml']);
    expect(people.to('awar1@example.ml')[1].parsed.subject).toMatch(/annulée/i);
    const promoted = people.to('awar3@example.ml')[1];
    expect(promoted.parsed.subject).toMatch(/^A seat freed up/);
    const mine = await json<Mine>(await people.call('GET', answers[2].manageToken));
    expect(mine.status).toBe('confirmed');
    expect(mine.ticketCode).toMatch(/^([2-9A-HJ-NP-Z]{4}-){3}[2-9A-HJ-NP-Z]{4}$/);
    expect(String(promoted.parsed.text)).toContain(mine.ticketCode);
    // The link in the promotion email opens the same registration.
    expect((await json<Mine>(await people.call('GET', manageTokenIn(promoted)))).reference).toBe(answers[2].reference);
    // The next in line moved up; cancelling twice changes nothing and sends nothing more.
    expect((await json<Mine>(await people.call('GET', answers[3].manageToken))).waitlistPosition).toBe(1);
    expect((await people.call('POST', answers[0].manageToken, '/cancel')).status).toBe(200);
    await t.app.get(JobRunner).drain(['outbox']);
    expect(people.to('awar1@example.ml')).toHaveLength(2);

    // Raising the capacity gives the new seat to the waiting list at once.
    await p.ok('PATCH', '', { capacity: 3 });
    expect((await json<Mine>(await people.call('GET', answers[3].manageToken))).status).toBe('confirmed');
    expect((await people.delivered(1))[0].parsed.subject).toMatch(/^Une place s'est libérée/);
  });

  it('rule 3: a second registration for the same email answers like any other, and the first registrant gets their link again', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 10, confirmEmail: false });
    const first = await people.register(p.slug, aParticipant('dup'));
    expect(first.status).toBe(201);
    await people.delivered(1);
    const again = await people.register(p.slug, aParticipant('dup', { email: 'AwaDup@Example.ML', firstName: 'Autre' }));
    expect(again.status).toBe(202);
    expect(await json(again)).toEqual({ status: 'check_email' });
    const [resent] = await people.delivered(1);
    expect(resent.envelopeTo).toEqual(['awadup@example.ml']);
    expect(String(resent.parsed.text)).toContain('Bonjour Awadup');
    const [{ n }] = await t.query(`SELECT count(*)::int AS n FROM registrations WHERE event_id = $1`, [p.eventId]);
    expect(n).toBe(1);
    // The second attempt's statements went out with the seat's, and took no seat.
    expect(await t.query(`SELECT pool, taken FROM seat_pools WHERE event_id = $1`, [p.eventId])).toEqual([{ pool: 'event', taken: 1 }]);
    // With the opt-in, new and repeated registrations answer the very same thing.
    const q = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(q, { capacity: 10 });
    const a = await people.register(q.slug, aParticipant('optin'));
    const b = await people.register(q.slug, aParticipant('optin'));
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(await a.text()).toBe(await b.text());
  });

  it('rule 4: the same Idempotency-Key answers the first answer and creates nothing; another body with it is refused', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 10, confirmEmail: false });
    const key = { 'idempotency-key': 'a1b2c3d4-retry-key' };
    const one = await json<Registered>(await people.register(p.slug, aParticipant('idem'), key));
    const two = await people.register(p.slug, aParticipant('idem'), key);
    expect(two.status).toBe(201);
    const repeat = await json<Registered>(two);
    expect({ ...repeat, manageToken: undefined }).toEqual({ ...one, manageToken: undefined });
    // The repeat's token opens the same registration; the key kept no token.
    expect((await json<Mine>(await people.call('GET', repeat.manageToken))).reference).toBe(one.reference);
    const kept = await t.query(`SELECT response::text AS r FROM idempotency_keys WHERE key = $1`, ['a1b2c3d4-retry-key']);
    expect(kept[0].r).not.toContain(one.manageToken);
    const [{ n }] = await t.query(`SELECT count(*)::int AS n FROM registrations WHERE event_id = $1`, [p.eventId]);
    expect(n).toBe(1);
    const other = await people.register(p.slug, aParticipant('other'), key);
    expect(other.status).toBe(422);
    expect((await json<ProblemBody>(other)).code).toBe('IDEMPOTENCY_KEY_REUSED');
    await people.delivered(1);
  });

  it('rule 4: a repeat that arrives while the first is in flight gets 409 with Retry-After', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 10, confirmEmail: false });
    const key = { 'idempotency-key': 'in-flight-key' };
    expect((await people.register(p.slug, aParticipant('flight'), key)).status).toBe(201);
    // The same claim without its answer yet: the first request still in flight.
    await t.query(`UPDATE idempotency_keys SET response = NULL, completed_at = NULL WHERE key = 'in-flight-key'`);
    const busy = await people.register(p.slug, aParticipant('flight'), key);
    expect(busy.status).toBe(409);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect((await json<ProblemBody>(busy)).code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
    await people.delivered(1);
  });

  it('rule 5: with the opt-in the seat is held; an unconfirmed hold expires and its seat goes to the waiting list', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 1, holdHours: 2 });
    const seen = people.smtp.messages.length;
    expect((await people.register(p.slug, aParticipant('hold-a'))).status).toBe(202);
    expect((await people.register(p.slug, aParticipant('hold-b', { locale: 'en' }))).status).toBe(202);
    const [a, b] = await people
      .delivered(2, seen)
      .then((m) => ['awahold-a@example.ml', 'awahold-b@example.ml'].map((e) => m.find((x) => x.envelopeTo[0] === e)!));
    expect(a.parsed.subject).toMatch(/^Action requise : confirmez/);
    expect(b.parsed.subject).toMatch(/^Action needed: confirm/);
    const tokenA = manageTokenIn(a);
    const tokenB = manageTokenIn(b);
    expect((await json<Mine>(await people.call('GET', tokenA))).status).toBe('pending');
    expect(await remaining(p.slug)).toMatchObject({ remaining: 0 });
    // B confirms: no seat left, so B waits, first in line.
    expect(await json(await people.call('POST', tokenB, '/confirm'))).toEqual({ status: 'waitlisted' });
    expect((await people.delivered(1))[0].parsed.subject).toMatch(/^Waiting list: .*\(position 1\)/);

    // Nothing expires before the hold's end…
    t.clock.advance(2 * 3_600_000 - 60_000);
    await t.app.get(JobRunner).drain(['registration-holds']);
    expect((await json<Mine>(await people.call('GET', tokenA))).status).toBe('pending');
    // …and after it A's seat goes to B, and both are told.
    t.clock.advance(120_000);
    await t.app.get(JobRunner).drain(['registration-holds']);
    expect((await json<Mine>(await people.call('GET', tokenA))).status).toBe('expired');
    expect((await json<Mine>(await people.call('GET', tokenB))).status).toBe('confirmed');
    const told = await people.delivered(2);
    expect(told.find((m) => m.envelopeTo[0] === 'awahold-a@example.ml')!.parsed.subject).toMatch(/expir|libérée/i);
    expect(told.find((m) => m.envelopeTo[0] === 'awahold-b@example.ml')!.parsed.subject).toMatch(/^A seat freed up/);
    // A comes back late: the link still works, and puts A on the waiting list.
    expect(await json(await people.call('POST', tokenA, '/confirm'))).toEqual({ status: 'waitlisted' });
    await people.delivered(1);
  });

  it('rule 10: consent is recorded with its text and time; the participant sees their data and erases it', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 5, confirmEmail: false, consentText: { fr: 'J’accepte que mes données servent au forum.', en: 'I agree.' } });
    const me = await json<Registered>(await people.register(p.slug, aParticipant('gdpr', { phone: '76 00 00 01', gender: 'female', region: 'Kayes' })));
    const [row] = await t.query(`SELECT consent_text, consented_at, phone FROM registrations WHERE reference = $1`, [me.reference]);
    expect(row.consent_text).toEqual({ fr: 'J’accepte que mes données servent au forum.', en: 'I agree.' });
    expect(new Date(row.consented_at).getTime()).toBeGreaterThanOrEqual(t.clock.now().getTime() - 60_000);
    expect(row.phone).toBe('+22376000001');
    const mine = await json<{ participant: Record<string, unknown> }>(await people.call('GET', me.manageToken));
    expect(mine.participant).toMatchObject({ firstName: 'Awagdpr', email: 'awagdpr@example.ml', phone: '+22376000001', region: 'Kayes' });

    expect((await people.call('DELETE', me.manageToken)).status).toBe(204);
    expect((await people.call('GET', me.manageToken)).status).toBe(404);
    const [erased] = await t.query(`SELECT first_name, last_name, email, phone, status, gender, region, erased_at FROM registrations WHERE reference = $1`, [
      me.reference,
    ]);
    expect(erased).toMatchObject({ first_name: '', last_name: '', email: null, phone: null, status: 'cancelled', gender: 'female', region: 'Kayes' });
    expect(erased.erased_at).not.toBeNull();
    expect(await remaining(p.slug)).toMatchObject({ remaining: 5 });
    await people.delivered(1);
  });

  it('refuses bad input with the field named, in the reader’s language, and stores nothing', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, {
      capacity: 5,
      confirmEmail: false,
      questions: [
        aQuestion('diplome', 'choice', 'Diplôme', {
          required: true,
          choices: [
            ['bac', 'Bac'],
            ['licence', 'Licence'],
          ],
        }),
        aQuestion('age', 'number', 'Âge'),
      ],
    });
    const cases: [Record<string, unknown>, string][] = [
      [aParticipant('x', { consent: false, answers: { diplome: 'bac' } }), 'consent'],
      [aParticipant('x', { email: undefined, answers: { diplome: 'bac' } }), 'email'],
      [aParticipant('x', { phone: '12', answers: { diplome: 'bac' } }), 'phone'],
      [aParticipant('x'), 'answers.diplome'],
      [aParticipant('x', { answers: { diplome: 'master' } }), 'answers.diplome'],
      [aParticipant('x', { answers: { diplome: 'bac', age: 'vingt' } }), 'answers.age'],
      [aParticipant('x', { answers: { diplome: 'bac', inconnue: 1 } }), 'answers.inconnue'],
      [aParticipant('x', { answers: { diplome: 'bac' }, role: 'admin' }), 'role'],
      [aParticipant('x', { answers: { diplome: 'bac' }, sessionIds: ['00000000-0000-4000-8000-000000000000'] }), 'sessionIds.0'],
    ];
    for (const [i, [body, field]] of cases.entries()) {
      // One address each: the per-email rate limit counts refused attempts too.
      if (body.email) body.email = `bad${i}@example.ml`;
      const res = await t.fetch(`/api/v1/events/${p.slug}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify(body),
      });
      expect([res.status, field]).toEqual([400, field]);
      const problem = await json<ProblemBody>(res);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    }
    const fr = await json<ProblemBody>(await people.register(p.slug, aParticipant('x')));
    expect(fr.errors?.find((e) => e.field === 'answers.diplome')?.message).toBe('Réponse obligatoire.');
    const huge = await people.register(p.slug, aParticipant('x', { organization: 'x'.repeat(20_000) }));
    expect(huge.status).toBe(413);
    const [{ n }] = await t.query(`SELECT count(*)::int AS n FROM registrations WHERE event_id = $1`, [p.eventId]);
    expect(n).toBe(0);
    expect((await people.register('no-such-forum', aParticipant('x'))).status).toBe(404);
    const closed = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(closed, { registrationClosesAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString() });
    const late = await people.register(closed.slug, aParticipant('late'));
    expect(late.status).toBe(409);
    expect((await json<ProblemBody>(late)).code).toBe('REGISTRATION_CLOSED');
  });

  it('workshops: seats per workshop, a waiting list each, no two at once; a cancellation hands the seat on', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const room = await p.room('Salle atelier');
    const cv = await p.session(aWorkshop().titled('Atelier CV').on(1, '10:00', '11:00').inRoom(room).with({ capacity: 1 }));
    const pitch = await p.session(aWorkshop().titled('Atelier pitch').on(1, '10:30', '11:30').with({ capacity: 5 }));
    expect((await p.release()).status).toBe(201);
    await anOpenEvent(p, { capacity: 10, confirmEmail: false });
    const seen = people.smtp.messages.length;
    const a = await json<Registered>(await people.register(p.slug, aParticipant('wa', { sessionIds: [cv.id] })));
    const b = await json<Registered>(await people.register(p.slug, aParticipant('wb', { locale: 'en' })));
    expect((await json<Mine>(await people.call('GET', a.manageToken))).sessions).toEqual([expect.objectContaining({ id: cv.id, status: 'signed_up' })]);
    const bChoice = await people.call('PUT', b.manageToken, '/sessions', { sessionIds: [cv.id] });
    expect(bChoice.status).toBe(200);
    expect((await json<Mine>(bChoice)).sessions).toEqual([expect.objectContaining({ id: cv.id, status: 'waitlisted', waitlistPosition: 1 })]);
    const overlap = await people.call('PUT', b.manageToken, '/sessions', { sessionIds: [cv.id, pitch.id] });
    expect(overlap.status).toBe(409);
    expect((await json<ProblemBody>(overlap)).code).toBe('WORKSHOPS_OVERLAP');
    await people.call('POST', a.manageToken, '/cancel');
    expect((await json<Mine>(await people.call('GET', b.manageToken))).sessions).toEqual([expect.objectContaining({ id: cv.id, status: 'signed_up' })]);
    // Each step told once: a's registration and workshop, b's registration, b's choice (waiting),
    // a's cancellation, and b's seat freed up — in each one's language, with their manage link.
    await people.delivered(6, seen);
    await t.app.get(JobRunner).drain(['outbox']);
    // (One batch sends concurrently: the order of arrival is not the order of the steps.)
    const subjects = (email: string) => people.to(email).map((m) => String(m.parsed.subject));
    const bySubject = (email: string, subject: RegExp) => people.to(email).find((m) => subject.test(String(m.parsed.subject)))!;
    expect(subjects('awawa@example.ml').sort()).toEqual([
      expect.stringMatching(/^Inscription annulée/),
      expect.stringMatching(/^Inscription confirmée/),
      'Vos ateliers : Forum de test',
    ]);
    expect(String(bySubject('awawa@example.ml', /^Vos ateliers/).parsed.text)).toMatch(/« Atelier CV », .*, salle Salle atelier : place réservée\./);
    expect(subjects('awawb@example.ml').sort()).toEqual([
      'A seat for you in the workshop “Atelier CV”: Test forum',
      expect.stringMatching(/^Registration confirmed/),
      'Your workshops: Test forum',
    ]);
    const waiting = bySubject('awawb@example.ml', /^Your workshops/);
    const freed = bySubject('awawb@example.ml', /^A seat for you/);
    expect(String(waiting.parsed.text)).toMatch(/“Atelier CV”, .*: waiting list, position 1\./);
    expect(String(freed.parsed.text)).toMatch(/“Atelier CV”, .*: seat booked\./);
    expect((await json<Mine>(await people.call('GET', manageTokenIn(freed)))).reference).toBe(b.reference);
  });

  it('rule 7: a release that moves a workshop tells the participants signed up to it, once, in their language', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const atelier = await p.session(aWorkshop().titled('Atelier entretien', 'Interview workshop').on(1, '14:00', '15:00').with({ capacity: 10 }));
    const autre = await p.session(aWorkshop().titled('Atelier LinkedIn').on(1, '16:00', '17:00').with({ capacity: 10 }));
    expect((await p.release()).status).toBe(201);
    await anOpenEvent(p, { capacity: 10, confirmEmail: false });
    await people.register(p.slug, aParticipant('move-fr', { sessionIds: [atelier.id] }));
    await people.register(p.slug, aParticipant('move-en', { locale: 'en', sessionIds: [atelier.id] }));
    await people.register(p.slug, aParticipant('stay', { sessionIds: [autre.id] }));
    // Each: the confirmation, and the workshops chosen.
    await people.delivered(6);
    const stayBefore = people.to('awastay@example.ml').length;
    expect((await p.moveSession(atelier.id, { startsAt: at(1, '15:00'), endsAt: at(1, '16:00') })).status).toBe(200);
    expect((await p.release('Atelier déplacé')).status).toBe(201);
    const told = await people.delivered(2);
    expect(told.map((m) => m.envelopeTo[0]).sort()).toEqual(['awamove-en@example.ml', 'awamove-fr@example.ml']);
    expect(told.find((m) => m.envelopeTo[0] === 'awamove-en@example.ml')!.parsed.text).toContain('Interview workshop');
    expect(people.to('awastay@example.ml')).toHaveLength(stayBefore);
  });
});
