import { DataSource } from 'typeorm';
import { TestOrganizer } from './support/organizers';
import { ProblemBody, ProgramApi } from './support/program';
import { aParticipant, anOpenEvent, aDeskWorld, DeskWorld, Registered } from './support/registration';
import { json } from './support/test-app';

type Outcome = {
  result: string;
  firstScan: boolean;
  registration: { reference: string; name: string; status: string } | null;
  checkedInAt: string | null;
  scannedAt: string;
};
type Mine = { ticketCode?: string };
type Roster = { cursor: string; entries: { ticketCode: string; reference: string; name: string; status: string; sessionIds: string[] }[] };

/** `POST /api/v1/events/{slug}/check-ins`, its offline batch and the desks' roster (api.md). */
describe('check-in at the doors', () => {
  // The desk's world (support/registration.ts), set before the tests.
  let { t, owner, people, desk, p, workshopId, keynoteId } = {} as DeskWorld;
  const tickets: Record<string, { code: string; token: string; reference: string }> = {};

  beforeAll(async () => {
    ({ t, owner, people, desk, p, workshopId, keynoteId } = await aDeskWorld('Forum Job Cluster', 'accueil@example.ml'));
    for (const who of ['awa', 'moussa', 'fatou', 'ibrahim']) {
      const r = await json<Registered>(await people.register(p.slug, aParticipant(who, { firstName: who, sessionIds: who === 'awa' ? [workshopId] : [] })));
      const mine = await json<Mine>(await people.call('GET', r.manageToken));
      tickets[who] = { code: mine.ticketCode ?? '', token: r.manageToken, reference: r.reference };
    }
  });
  afterAll(() => t?.close());

  const scan = async (body: Record<string, unknown>, who: TestOrganizer = desk) => {
    const res = await t.fetch(`/api/v1/events/${p.slug}/check-ins`, { method: 'POST', headers: who.headers, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return json<Outcome>(res);
  };

  it('welcomes a confirmed ticket once at the entrance; the next scan says when it came in', async () => {
    const first = await scan({ code: tickets.awa.code.toLowerCase().replace(/-/g, ' ') });
    expect(first).toMatchObject({
      result: 'welcome',
      firstScan: true,
      registration: { reference: tickets.awa.reference, name: 'awa Traoré', status: 'confirmed' },
    });
    expect(first.checkedInAt).toBe(first.scannedAt);
    const again = await scan({ code: tickets.awa.code });
    expect(again).toMatchObject({ result: 'already', firstScan: false, checkedInAt: first.checkedInAt });
  });

  it('tells cancelled, waitlisted and unknown tickets apart, and lets none in', async () => {
    expect(tickets.ibrahim.code).toBe(''); // fourth of three seats: waiting, so no ticket code is shown
    const [row] = await t.query(`SELECT ticket_code FROM registrations WHERE reference = $1`, [tickets.ibrahim.reference]);
    expect(await scan({ code: row.ticket_code })).toMatchObject({ result: 'waitlisted', firstScan: false });
    await people.call('POST', tickets.fatou.token, '/cancel');
    expect(await scan({ code: tickets.fatou.code })).toMatchObject({ result: 'cancelled', firstScan: false, registration: { status: 'cancelled' } });
    // Fatou's seat went to Ibrahim, first in line: now his ticket lets him in.
    expect(await scan({ code: row.ticket_code })).toMatchObject({ result: 'welcome', firstScan: true, registration: { status: 'confirmed' } });
    expect(await scan({ code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' })).toMatchObject({ result: 'unknown', firstScan: false, registration: null });
  });

  it('at a workshop door lets in those signed up to it only; any confirmed ticket enters a session without sign-up', async () => {
    expect(await scan({ code: tickets.awa.code, sessionId: workshopId })).toMatchObject({ result: 'welcome', firstScan: true });
    expect(await scan({ code: tickets.moussa.code, sessionId: workshopId })).toMatchObject({ result: 'not_signed_up', firstScan: false });
    expect(await scan({ code: tickets.moussa.code, sessionId: keynoteId })).toMatchObject({ result: 'welcome', firstScan: true });
  });

  it('gives one check-in when two desks scan the same ticket at once, and records the duplicate', async () => {
    const [a, b] = await Promise.all([scan({ code: tickets.moussa.code }), scan({ code: tickets.moussa.code }, owner)]);
    expect([a.result, b.result].sort()).toEqual(['already', 'welcome']);
    const rows = await t.app
      .get(DataSource)
      .query(
        `SELECT s.result FROM check_in_scans s JOIN registrations r ON r.id = s.registration_id WHERE r.reference = $1 AND s.door = 'entrance' ORDER BY s.result`,
        [tickets.moussa.reference],
      );
    expect(rows.map((r: { result: string }) => r.result)).toEqual(['already', 'welcome']);
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM check_ins c JOIN registrations r ON r.id = c.registration_id WHERE r.reference = $1 AND c.door = 'entrance'`, [
        tickets.moussa.reference,
      ]);
    expect(n).toBe(1);
  });

  it('applies an offline batch once, however often it is sent, and keeps the time each scan was made', async () => {
    const q = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(q, { capacity: 10, confirmEmail: false });
    const codes: string[] = [];
    for (const who of ['b1', 'b2']) {
      const r = await json<Registered>(await people.register(q.slug, aParticipant(who)));
      codes.push((await json<Mine>(await people.call('GET', r.manageToken))).ticketCode!);
    }
    const scannedAt = ['2030-06-10T08:02:00.000Z', '2030-06-10T08:05:00.000Z'];
    const body = {
      deviceId: 'phone-awa-1',
      scans: [
        { nonce: 'n-0001', code: codes[0], scannedAt: scannedAt[0] },
        { nonce: 'n-0002', code: codes[1], scannedAt: scannedAt[1] },
        { nonce: 'n-0003', code: codes[0], scannedAt: scannedAt[1] },
      ],
    };
    // Scan times in the future of the server are not believed: the suite's clock is in 2026, so these are taken as "now".
    const send = async () => {
      const res = await t.fetch(`/api/v1/events/${q.slug}/check-ins/batch`, { method: 'POST', headers: desk.headers, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return (await json<{ results: (Outcome & { nonce: string; replayed: boolean })[] }>(res)).results;
    };
    const past = { ...body, scans: body.scans.map((s, i) => ({ ...s, scannedAt: new Date(t.clock.now().getTime() - (10 - i) * 60_000).toISOString() })) };
    Object.assign(body, past);
    const first = await send();
    expect(first.map((r) => [r.nonce, r.result, r.firstScan, r.replayed])).toEqual([
      ['n-0001', 'welcome', true, false],
      ['n-0002', 'welcome', true, false],
      ['n-0003', 'already', false, false],
    ]);
    expect(first[0].checkedInAt).toBe(past.scans[0].scannedAt);
    const second = await send();
    expect(second.map((r) => [r.nonce, r.result, r.firstScan, r.replayed])).toEqual([
      ['n-0001', 'welcome', true, true],
      ['n-0002', 'welcome', true, true],
      ['n-0003', 'already', false, true],
    ]);
    const [{ n }] = await t.query(`SELECT count(*)::int AS n FROM check_in_scans WHERE event_id = $1`, [q.eventId]);
    expect(n).toBe(3);
  });

  it('gives the desks a roster, then only what changed since its cursor', async () => {
    const get = async (since?: string) => {
      const res = await t.fetch(`/api/v1/events/${p.slug}/check-ins/roster${since ? `?since=${since}` : ''}`, {
        headers: { authorization: desk.headers.authorization },
      });
      expect(res.status).toBe(200);
      return json<Roster>(res);
    };
    const full = await get();
    expect(full.entries.map((e) => e.reference).sort()).toEqual(
      Object.values(tickets)
        .map((x) => x.reference)
        .sort(),
    );
    expect(full.entries.find((e) => e.reference === tickets.awa.reference)).toMatchObject({
      name: 'awa Traoré',
      status: 'confirmed',
      sessionIds: [workshopId],
    });
    expect((await get(full.cursor)).entries).toEqual([]);
    // Moussa signs up for the workshop, Awa cancels.
    expect((await people.call('PUT', tickets.moussa.token, '/sessions', { sessionIds: [workshopId] })).status).toBe(200);
    await people.call('POST', tickets.awa.token, '/cancel');
    const delta = await get(full.cursor);
    expect(Object.fromEntries(delta.entries.map((e) => [e.reference, [e.status, e.sessionIds]]))).toEqual({
      [tickets.moussa.reference]: ['confirmed', [workshopId]],
      [tickets.awa.reference]: ['cancelled', []],
    });
    const bad = await t.fetch(`/api/v1/events/${p.slug}/check-ins/roster?since=yesterday`, { headers: { authorization: desk.headers.authorization } });
    expect(bad.status).toBe(400);
    expect((await json<ProblemBody>(bad)).errors?.[0].field).toBe('since');
  });

  it('refuses a malformed scan with the field named', async () => {
    const res = await t.fetch(`/api/v1/events/${p.slug}/check-ins`, { method: 'POST', headers: desk.headers, body: JSON.stringify({ code: '<script>' }) });
    expect(res.status).toBe(400);
    expect((await json<ProblemBody>(res)).errors?.[0].field).toBe('code');
    // The volunteer types it again, right this time.
    expect(await scan({ code: tickets.awa.code })).toMatchObject({ result: 'cancelled' });
  });
});
