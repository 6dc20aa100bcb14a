import { JobRunner } from '@palabre/platform';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aWorkshop, at, ProblemBody, ProgramApi } from './support/program';
import { anOpenEvent, Participants, Registered } from './support/registration';
import { aTexter, codeIn, linkTokenIn, REPORT_SECRET, smsThrough, suiteSmsGateway, textsDelivered, ticketIn } from './support/sms';
import { json, suiteApp } from './support/test-app';

type CheckPhone = { status: string; verificationId: string };

/**
 * A participant without email, over HTTP, with every text read back from an SMS gateway in the
 * test process (its generic HTTP API): register by phone, the code, the ticket that checks in;
 * duplicates, locked codes, a gateway that is down, delivery reports, and the prefix cap.
 */
describe('registration by SMS (participants without email)', () => {
  const texts = suiteSmsGateway();
  // Request limits off so that the prefix test may register 200 people from one address; the SMS limits stay.
  const t = suiteApp(() =>
    smsThrough(texts.gateway, { RATE_LIMITS: 'off', SMS_LIMIT_PER_PREFIX: '50', SMS_LIMIT_PER_ADDRESS: '10000', OUTBOX_RETRY_BASE_MS: '100' }),
  );
  const people = new Participants(t, undefined as never);
  let owner: TestOrganizer;
  let slug: string;

  beforeAll(async () => {
    owner = await anOrganizer(t);
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 100 });
    slug = p.slug;
  });
  afterEach(() => texts.gateway.failWith(undefined));

  const enter = (verificationId: string, code: string) =>
    people.t.fetch(`/api/v1/registrations/sms-codes/${verificationId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
  /** The contract's answer (api.md): `202 { status: "check_email" }`; where to enter the code is in `Location`. */
  const registered = async (body: Record<string, unknown>): Promise<CheckPhone> => {
    const res = await people.register(slug, body);
    expect([res.status, await json(res)]).toEqual([202, { status: 'check_email' }]);
    const location = /^\/api\/v1\/registrations\/sms-codes\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '');
    if (!location) throw new Error(`no Location to enter the code: ${res.headers.get('location')}`);
    return { status: 'check_email', verificationId: location[1] };
  };

  it('registers with a phone only: the code arrives, entered it confirms, and the ticket text carries a code that checks in', async () => {
    const answer = await registered(aTexter('66 12 34 56'));
    expect(answer.verificationId).toMatch(/^[0-9a-f-]{36}$/);
    const [code] = await textsDelivered(t, texts.gateway, 1);
    expect(code).toMatchObject({ api: 'generic', to: '+22366123456', from: 'Palabre' });
    expect(code.headers.authorization).toBe('Bearer cle-de-la-passerelle');
    expect(code.text).toMatch(/^\d{6} : votre code pour Forum de test, valable 10 min\. Ou ouvrez https:\/\/forum\.example\.org\/r\/[\w-]{43}$/);
    // Pending, with its seat held, until the code comes back.
    const [pending] = await t.query(`SELECT status, holds_seat, hold_expires_at FROM registrations WHERE phone = '+22366123456'`);
    expect(pending).toMatchObject({ status: 'pending', holds_seat: true });
    expect(pending.hold_expires_at).not.toBeNull();
    // The code is stored only as a hash.
    expect(await t.query(`SELECT 1 FROM registration_sms_codes WHERE code_hash = $1`, [codeIn(code)])).toHaveLength(0);

    const res = await enter(answer.verificationId, codeIn(code));
    expect(res.status).toBe(200);
    const accepted = await json<Registered>(res);
    expect(accepted).toMatchObject({ status: 'confirmed', manageToken: expect.stringMatching(/^[\w-]{43}$/) as string });
    // Used once: the same code again opens nothing.
    expect((await enter(answer.verificationId, codeIn(code))).status).toBe(410);

    const [ticket] = await textsDelivered(t, texts.gateway, 1);
    expect(ticket.to).toBe('+22366123456');
    expect(ticket.text).toMatch(/^Aissata, inscription confirmée à Forum de test\. Billet [2-9A-Z-]{19} : https:\/\/forum\.example\.org\/r\/[\w-]{43}$/);
    const mine = await json<{ ticketCode: string; reference: string }>(await people.call('GET', accepted.manageToken));
    expect(ticketIn(ticket)).toBe(mine.ticketCode);
    // The ticket's link opens the participant's page, with the QR ticket.
    const page = await t.fetch(`/r/${linkTokenIn(ticket)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(mine.ticketCode);

    const scan = await t.fetch(`/api/v1/events/${slug}/check-ins`, {
      method: 'POST',
      headers: owner.headers,
      body: JSON.stringify({ code: ticketIn(ticket) }),
    });
    expect(await json(scan)).toMatchObject({ result: 'welcome', firstScan: true, registration: { reference: mine.reference, status: 'confirmed' } });
  });

  it('answers a duplicate phone exactly like a first registration, and sends a new code that opens the registration', async () => {
    const first = await registered(aTexter('+223 66 22 33 44'));
    const [firstCode] = await textsDelivered(t, texts.gateway, 1);
    // The same status, body and header as a first registration; only the code's id is new.
    const again = await registered(aTexter('66223344', { firstName: 'Autre', lastName: 'Nom' }));
    expect(again.verificationId).not.toBe(first.verificationId);
    const [secondCode] = await textsDelivered(t, texts.gateway, 1);
    expect(secondCode.to).toBe('+22366223344');
    expect(codeIn(secondCode)).toMatch(/^\d{6}$/);
    expect(await t.query(`SELECT first_name FROM registrations WHERE phone = '+22366223344'`)).toEqual([{ first_name: 'Aïssata' }]);
    // Either code works; the second confirms the one registration.
    expect(await json(await enter(again.verificationId, codeIn(secondCode)))).toMatchObject({ status: 'confirmed' });
    expect(firstCode.to).toBe('+22366223344');
    expect((await textsDelivered(t, texts.gateway, 1))[0].text).toMatch(/^Aissata, inscription confirmée/);
  });

  it('locks a code after five wrong attempts: even the right one is refused then', async () => {
    const { verificationId } = await registered(aTexter('66 33 44 55'));
    const right = codeIn((await textsDelivered(t, texts.gateway, 1))[0]);
    const wrong = right === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1]) {
      const res = await enter(verificationId, wrong);
      expect(res.status).toBe(400);
      expect(await json<ProblemBody>(res)).toMatchObject({
        code: 'SMS_CODE_WRONG',
        errors: [{ field: 'code', message: `Code incorrect : encore ${left} essai(s).` }],
      });
    }
    const fifth = await enter(verificationId, wrong);
    expect([fifth.status, (await json<ProblemBody>(fifth)).code]).toEqual([429, 'SMS_CODE_LOCKED']);
    const after = await enter(verificationId, right);
    expect([after.status, (await json<ProblemBody>(after)).code]).toEqual([429, 'SMS_CODE_LOCKED']);
    // Not a code at all: said, and no attempt spent (the count stays at five).
    expect((await json<ProblemBody>(await enter(verificationId, 'abc'))).errors).toEqual([{ field: 'code', message: 'Le code a six chiffres.' }]);
    expect(await t.query(`SELECT attempts FROM registration_sms_codes WHERE id = $1`, [verificationId])).toEqual([{ attempts: 5 }]);
    expect(await t.query(`SELECT status FROM registrations WHERE phone = '+22366334455'`)).toEqual([{ status: 'pending' }]);
  });

  it('lets an unconfirmed hold expire as for email, tells it by SMS, and the text’s link still confirms', async () => {
    await registered(aTexter('66 99 88 77'));
    await textsDelivered(t, texts.gateway, 1);
    t.clock.advance(7 * 86_400_000);
    try {
      await t.app.get(JobRunner).drain(['registration-holds']);
      expect(await t.query(`SELECT status, holds_seat FROM registrations WHERE phone = '+22366998877'`)).toEqual([{ status: 'expired', holds_seat: false }]);
      await textsDelivered(t, texts.gateway, 0);
      const expired = texts.gateway.messages.filter((m) => m.to === '+22366998877').at(-1)!;
      expect(expired.text).toMatch(
        /^Aissata, votre place à Forum de test a expiré faute de confirmation\. Confirmer encore : https:\/\/forum\.example\.org\/r\/[\w-]{43}$/,
      );
      const confirmed = await t.fetch(`/r/${linkTokenIn(expired)}/confirmer`, { method: 'POST', redirect: 'manual' });
      expect(confirmed.status).toBe(303);
      expect(ticketIn((await textsDelivered(t, texts.gateway, 1))[0])).toMatch(/^[2-9A-Z]{4}-/);
    } finally {
      t.clock.reset();
    }
  });

  it('keeps the texts while the gateway is down, and sends them once it is back', async () => {
    texts.gateway.failWith(503);
    const seen = texts.gateway.messages.length;
    await registered(aTexter('66 44 55 66'));
    await textsDelivered(t, texts.gateway, 0);
    expect(texts.gateway.messages.length).toBe(seen);
    const [waiting] = await t.query(`SELECT status, attempts, last_error FROM outbox_messages WHERE recipient = '+22366445566'`);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.last_error).toMatch(/^HTTP 503/);
    texts.gateway.failWith(undefined);
    // The retry's backoff (OUTBOX_RETRY_BASE_MS=100, with jitter) has passed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [sms] = await textsDelivered(t, texts.gateway, 1, seen);
    expect(sms.to).toBe('+22366445566');
    expect(await t.query(`SELECT status, attempts FROM outbox_messages WHERE recipient = '+22366445566'`)).toEqual([{ status: 'sent', attempts: 2 }]);
  });

  it('takes delivery reports with the secret into the SMS log, and refuses forged ones', async () => {
    await registered(aTexter('66 55 66 77'));
    const [sms] = await textsDelivered(t, texts.gateway, 1);
    const report = (body: unknown, headers: Record<string, string> = {}, query = '') =>
      t.fetch(`/api/v1/sms/delivery-reports${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const log = async () =>
      (
        await json<{ items: { to: string; deliveryStatus: string | null; status: string; segments: number; cost: number }[] }>(
          await t.fetch(`/api/v1/organizations/${owner.organizationSlug}/sms?q=66556677`, { headers: owner.headers }),
        )
      ).items[0];
    expect(await log()).toMatchObject({ to: '+22366556677', status: 'sent', deliveryStatus: null, segments: 1, cost: 25 });

    const forged = await report({ id: sms.id, status: 'undelivered' });
    expect([forged.status, (await json<ProblemBody>(forged)).code]).toEqual([401, 'SMS_REPORT_UNAUTHORIZED']);
    const wrong = await report({ id: sms.id, status: 'undelivered' }, { 'x-report-secret': 'un-secret-devine-000000' });
    expect([wrong.status, (await json<ProblemBody>(wrong)).code]).toEqual([403, 'SMS_REPORT_FORBIDDEN']);
    expect((await report({ id: sms.id, status: 'undelivered' }, {}, '?secret=faux-secret-0000000000')).status).toBe(403);
    expect(await log()).toMatchObject({ status: 'sent', deliveryStatus: null });

    const ok = await report({ id: sms.id, status: 'DELIVRD' }, { 'x-report-secret': REPORT_SECRET });
    expect([ok.status, await json(ok)]).toEqual([200, { status: 'delivered' }]);
    expect(await log()).toMatchObject({ status: 'sent', deliveryStatus: 'delivered' });
    // A report that says it never arrived marks it failed, so the log shows it.
    expect(await json(await report({ id: sms.id, status: 'failed' }, {}, `?secret=${REPORT_SECRET}`))).toEqual({ status: 'undelivered' });
    expect(await log()).toMatchObject({ status: 'failed', deliveryStatus: 'undelivered' });
    expect((await report({ nothing: 'here' }, { 'x-report-secret': REPORT_SECRET })).status).toBe(400);
  });

  it('stops at the hourly cap of a destination prefix: 200 registrations are recorded, the excess sends nothing', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 500 });
    const seen = texts.gateway.messages.length;
    for (let i = 0; i < 200; i++) {
      const res = await people.register(p.slug, aTexter(`+2237600${String(i).padStart(4, '0')}`, { firstName: `P${i}` }));
      expect(res.status).toBe(202);
    }
    expect(await t.query(`SELECT count(*)::int AS n FROM registrations WHERE event_id = $1`, [p.eventId])).toEqual([{ n: 200 }]);
    await textsDelivered(t, texts.gateway, 50, seen);
    await textsDelivered(t, texts.gateway, 0);
    expect(texts.gateway.messages.slice(seen).filter((m) => m.to.startsWith('+22376'))).toHaveLength(50);
    const rows = await t.query<{ status: string; last_error: string | null; n: number }[]>(
      `SELECT status, last_error, count(*)::int AS n FROM outbox_messages WHERE event_id = $1 GROUP BY 1, 2 ORDER BY 1`,
      [p.eventId],
    );
    expect(rows).toEqual([
      { status: 'failed', last_error: 'limit: prefix', n: 150 },
      { status: 'sent', last_error: null, n: 50 },
    ]);
    // A refused text keeps no code nor link.
    expect(
      await t.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE event_id = $1 AND status = 'failed' AND secret IS NOT NULL`, [p.eventId]),
    ).toEqual([{ n: 0 }]);
    // Another prefix still goes.
    await registered(aTexter('79 12 34 56'));
    expect((await textsDelivered(t, texts.gateway, 1))[0].to).toBe('+22379123456');
  }, 120_000);

  it('tells a participant without email by SMS when their workshop moves, and the day before the event', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const workshop = await p.session(aWorkshop().titled('Atelier CV', 'CV workshop').on(1, '10:00', '11:00').with({ capacity: 20 }));
    expect((await p.release()).status).toBe(201);
    await anOpenEvent(p, { capacity: 50, confirmEmail: false });
    // Without the opt-in: 201 with its token, and the ticket by SMS at once.
    const res = await people.register(p.slug, aTexter('79 55 44 33', { sessionIds: [workshop.id], locale: 'en' }));
    expect(res.status).toBe(201);
    const [ticket] = await textsDelivered(t, texts.gateway, 1);
    expect(ticket.text).toMatch(/^Aissata, you are registered for Test forum\. Ticket [2-9A-Z-]{19}: https:/);

    expect((await p.moveSession(workshop.id, { startsAt: at(1, '14:00'), endsAt: at(1, '15:00') })).status).toBe(200);
    expect((await p.release('L’atelier CV passe l’après-midi')).status).toBe(201);
    const [change] = await textsDelivered(t, texts.gateway, 1);
    expect(change.to).toBe('+22379554433');
    expect(change.text).toBe(`Test forum: "CV workshop" moves on 10/06 at 14:00. See https://forum.example.org/e/${p.slug}/programme`);

    // The day before (the forum opens on 10 June 2030 at 08:00, Bamako), once.
    t.clock.advance(Date.parse('2030-06-09T12:00:00Z') - t.clock.now().getTime());
    try {
      await t.app.get(JobRunner).drain(['sms-reminders']);
      await textsDelivered(t, texts.gateway, 0);
      const reminders = texts.gateway.messages.filter((m) => m.to === '+22379554433' && m.text.includes('reminder'));
      expect(reminders.map((m) => m.text)).toEqual([
        expect.stringMatching(/^Aissata, reminder: Test forum on 10\/06 at 08:00\. Ticket: https:\/\/forum\.example\.org\/r\/[\w-]{43}$/),
      ]);
      await t.app.get(JobRunner).drain(['sms-reminders']);
      await textsDelivered(t, texts.gateway, 0);
      expect(texts.gateway.messages.filter((m) => m.to === '+22379554433' && m.text.includes('reminder'))).toHaveLength(1);
    } finally {
      t.clock.reset();
    }
  });
});
