import { Agent, request } from 'node:http';
import { itBreaksWithoutItsLock, itHoldsUnderConcurrency, ReceivedMail, SmtpTestServer, startSmtpServer, testDatabaseServer } from '@palabre/testing';
import { ApiProcess, startApiProcess } from './support/api-processes';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aWorkshop, ProgramApi } from './support/program';
import { aParticipant, anOpenEvent, Registered } from './support/registration';
import { startTestApp, TestApp } from './support/test-app';

type Answer = { status: number; body: string };
type Mine = { status: string; waitlistPosition?: number; sessions: { id: string; status: string; waitlistPosition?: number }[] };

const PUBLIC_URL = 'https://forum.example.org';
/**
 * The api processes run on the machine's real clock, not the suite's TestClock: the event is
 * far enough ahead that its registration window is open on both, whatever today's date.
 */
const FAR = { startsAt: '2090-06-10T08:00:00Z', endsAt: '2090-06-11T18:00:00Z', timeZone: 'Africa/Bamako' };
const PEOPLE = 500;
const SEATS = 50;
const CANCELS = 5;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const numerically = (a: number, b: number) => a - b;

/**
 * Rules 1 and 2 under a real rush (issue 10): two api processes on one PostgreSQL, hundreds of
 * requests at the same instant. A seat goes to exactly one person, the waiting list has no gap
 * and no duplicate, a cancellation promotes exactly the head of the list, and every step sends
 * each person exactly one email, read back from a real SMTP server.
 *
 * Only on a PostgreSQL server (TEST_DATABASE_URL): on the embedded database every transaction
 * runs alone, so no race can happen there and this test would prove nothing.
 */
const server = testDatabaseServer();
(server ? describe : describe.skip)(
  `registration rush: ${PEOPLE} at once over two api processes${server ? '' : ' [skipped: needs TEST_DATABASE_URL — on the embedded database transactions run one at a time]'}`,
  () => {
    let smtp: SmtpTestServer;
    let t: TestApp;
    let owner: TestOrganizer;
    let apis: ApiProcess[] = [];
    /** The negative control's processes, for a failure's message. */
    const extra: ApiProcess[] = [];
    // Every one of the PEOPLE is let in at once (the in-flight limit would refuse most: bench:overload measures that), so the seats' lock meets them all.
    const processEnv = () => ({
      DATABASE_URL: t.db.url,
      RATE_LIMITS: 'off',
      MAX_IN_FLIGHT: String(PEOPLE),
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      WORKER_IN_PROCESS: 'true',
    });

    beforeAll(async () => {
      smtp = await startSmtpServer();
      // The organizer's setup goes through an app in this process, on the same database.
      t = await startTestApp({ PUBLIC_URL });
      owner = await anOrganizer(t, { organization: 'Agence pour l’emploi des jeunes' });
      apis = await Promise.all([startApiProcess(processEnv()), startApiProcess(processEnv())]);
    }, 90_000);
    afterAll(async () => {
      agents.forEach((a) => a.destroy());
      await Promise.all(apis.map((a) => a.stop()));
      await t?.close();
      await smtp?.close();
    }, 120_000);

    /**
     * All at once, every other one through the second process, over 64 keep-alive connections
     * to each (more would only queue in the kernel: each process works with 10 database
     * connections). A process that gets no database connection within 5 s answers 503 before it
     * writes anything: that request is sent again a little later, as a phone would.
     */
    const rush = (count: number, call: (i: number, api: ApiProcess) => Promise<Answer>, through = apis): Promise<Answer[]> =>
      Promise.all(
        range(0, count - 1).map(async (i) => {
          for (let attempt = 1; ; attempt++) {
            const res = await call(i, through[i % through.length]);
            if (res.status !== 503 || attempt === 20) return res;
            await new Promise((r) => setTimeout(r, 250 + Math.random() * 750));
          }
        }),
      );
    const agents = new Map<string, Agent>();
    const send = (api: ApiProcess, method: string, pathname: string, body?: unknown): Promise<Answer> => {
      let agent = agents.get(api.url);
      if (!agent) agents.set(api.url, (agent = new Agent({ keepAlive: true, maxSockets: 64 })));
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return new Promise((resolve, reject) => {
        const req = request(
          api.url + pathname,
          { method, agent, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    };
    const register = (api: ApiProcess, slug: string, body: Record<string, unknown>) => send(api, 'POST', `/api/v1/events/${slug}/registrations`, body);

    function answers<T>(responses: Answer[], status: number): T[] {
      const wrong = responses.filter((r) => r.status !== status);
      if (wrong.length > 0) {
        const errors = [...apis, ...extra]
          .map((a) =>
            a
              .output()
              .split('\n')
              .filter((l) => /"level":50/.test(l))
              .slice(-3)
              .join('\n'),
          )
          .join('\n');
        throw new Error(`${wrong.length} answers were not ${status}, e.g. ${wrong[0].status} ${wrong[0].body}\n${errors}`);
      }
      return responses.map((r) => JSON.parse(r.body) as T);
    }

    /** Waits until the processes' workers have sent everything the event queued (and `expected` arrived), then a little more, for any duplicate. */
    async function delivered(eventId: string, expected: number, mine: (m: ReceivedMail) => boolean): Promise<ReceivedMail[]> {
      const until = Date.now() + 120_000;
      for (;;) {
        const [{ n }] = await t.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM outbox_messages WHERE event_id = $1 AND status IN ('queued', 'sending')`,
          [eventId],
        );
        if (n === 0 && smtp.messages.filter(mine).length >= expected) break;
        if (Date.now() > until) {
          const stuck = await t.query(
            `SELECT status, attempts, last_error, count(*)::int AS n FROM outbox_messages WHERE event_id = $1 AND status <> 'sent' GROUP BY 1, 2, 3`,
            [eventId],
          );
          throw new Error(`${n} messages still queued, ${smtp.messages.filter(mine).length} of ${expected} arrived: ${JSON.stringify(stuck)}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      await new Promise((r) => setTimeout(r, 1000));
      const [{ failed }] = await t.query<{ failed: number }[]>(
        `SELECT count(*)::int AS failed FROM outbox_messages WHERE event_id = $1 AND status = 'failed'`,
        [eventId],
      );
      expect(failed).toBe(0);
      // One message per step: one outbox row, one Message-ID. Delivery is at least once — on a
      // loaded machine an SMTP answer may come after the sender gave up, and the same message
      // (the same Message-ID) goes again — so copies are counted once.
      const [{ rows }] = await t.query<{ rows: number }[]>(`SELECT count(*)::int AS rows FROM outbox_messages WHERE event_id = $1`, [eventId]);
      const byId = new Map<string, ReceivedMail>();
      for (const m of smtp.messages.filter(mine)) if (!byId.has(String(m.parsed.messageId))) byId.set(String(m.parsed.messageId), m);
      expect(byId.size).toBe(rows);
      return [...byId.values()];
    }

    /** Each person's messages by kind, sorted: `registration.confirmed`, `registration.workshops:seat-freed`… */
    function kindsByRecipient(mail: ReceivedMail[]): Map<string, string[]> {
      const by = new Map<string, string[]>();
      for (const m of mail) {
        const template = String(m.parsed.headers.get('x-palabre-template'));
        const kind =
          template === 'registration.workshops'
            ? `${template}:${/^(Une place pour vous|A seat for you)/.test(String(m.parsed.subject)) ? 'seat-freed' : 'changed'}`
            : template;
        for (const to of m.envelopeTo) by.set(to, [...(by.get(to) ?? []), kind].sort());
      }
      return by;
    }

    itHoldsUnderConcurrency(
      `${PEOPLE} registrations at once for ${SEATS} seats: ${SEATS} seats, ${PEOPLE - SEATS} waiting 1–${PEOPLE - SEATS}; ${CANCELS} cancel, the first ${CANCELS} move up; one email per step`,
      async () => {
        const p = await ProgramApi.newEvent(t, owner, FAR);
        await anOpenEvent(p, { capacity: SEATS, confirmEmail: false });
        const email = (i: number) => `seat-${i}@example.ml`;
        const created = answers<Registered>(
          await rush(PEOPLE, (i, api) => register(api, p.slug, aParticipant(`s${i}`, { email: email(i), locale: i % 3 === 0 ? 'en' : 'fr' }))),
          201,
        );

        // Exactly the seats there are, and a waiting list with no gap and no duplicate.
        const confirmed = range(0, PEOPLE - 1).filter((i) => created[i].status === 'confirmed');
        const waiting = range(0, PEOPLE - 1).filter((i) => created[i].status === 'waitlisted');
        expect(confirmed).toHaveLength(SEATS);
        expect(waiting).toHaveLength(PEOPLE - SEATS);
        expect(waiting.map((i) => created[i].waitlistPosition!).sort(numerically)).toEqual(range(1, PEOPLE - SEATS));
        const rows = await t.query<{ email: string; status: string; holds_seat: boolean }[]>(
          `SELECT email, status, holds_seat FROM registrations WHERE event_id = $1 ORDER BY waitlist_seq`,
          [p.eventId],
        );
        expect(rows.filter((r) => r.holds_seat)).toHaveLength(SEATS);
        // The positions answered are the order of the waiting list in the database.
        expect(rows.filter((r) => r.status === 'waitlisted').map((r) => r.email)).toEqual(
          [...waiting].sort((a, b) => created[a].waitlistPosition! - created[b].waitlistPosition!).map(email),
        );
        const [pool] = await t.query<{ taken: number }[]>(`SELECT taken FROM seat_pools WHERE event_id = $1 AND pool = 'event'`, [p.eventId]);
        expect(pool.taken).toBe(SEATS);

        // Five cancel at once, through both processes: exactly the first five waiting get their seats.
        const cancelling = confirmed.slice(0, CANCELS);
        const cancelled = answers<{ status: string }>(
          await rush(CANCELS, (k, api) => send(api, 'POST', `/api/v1/registrations/${created[cancelling[k]].manageToken}/cancel`)),
          200,
        );
        expect(cancelled.map((c) => c.status)).toEqual(Array(CANCELS).fill('cancelled'));
        const after = answers<Mine>(await rush(waiting.length, (k, api) => send(api, 'GET', `/api/v1/registrations/${created[waiting[k]].manageToken}`)), 200);
        waiting.forEach((i, k) => {
          const before = created[i].waitlistPosition!;
          expect([email(i), after[k].status, after[k].waitlistPosition ?? null]).toEqual(
            before <= CANCELS ? [email(i), 'confirmed', null] : [email(i), 'waitlisted', before - CANCELS],
          );
        });
        const [seats] = await t.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND holds_seat`, [p.eventId]);
        expect(seats.n).toBe(SEATS);
        expect((await t.query(`SELECT taken FROM seat_pools WHERE event_id = $1 AND pool = 'event'`, [p.eventId]))[0].taken).toBe(SEATS);

        // One email per step and person: registered (seat or waiting list), cancelled, promoted.
        const mail = await delivered(p.eventId, PEOPLE + 2 * CANCELS, (m) => m.envelopeTo.some((to) => to.startsWith('seat-')));
        expect(mail).toHaveLength(PEOPLE + 2 * CANCELS);
        const kinds = kindsByRecipient(mail);
        for (const i of range(0, PEOPLE - 1)) {
          const c = created[i];
          const expected =
            c.status === 'confirmed'
              ? cancelling.includes(i)
                ? ['registration.cancelled', 'registration.confirmed']
                : ['registration.confirmed']
              : c.waitlistPosition! <= CANCELS
                ? ['registration.promoted', 'registration.waitlisted']
                : ['registration.waitlisted'];
          expect([email(i), kinds.get(email(i))]).toEqual([email(i), expected]);
        }
        // Each waiting-list email tells the position the answer gave.
        for (const m of mail.filter((x) => x.parsed.headers.get('x-palabre-template') === 'registration.waitlisted')) {
          const i = Number(/^seat-(\d+)@/.exec(m.envelopeTo[0])![1]);
          expect(String(m.parsed.subject)).toMatch(new RegExp(`\\(position ${created[i].waitlistPosition}\\)$`));
        }
      },
      300_000,
    );

    itHoldsUnderConcurrency(
      `${PEOPLE} workshop sign-ups at once for ${SEATS} seats: ${SEATS} in, ${PEOPLE - SEATS} waiting 1–${PEOPLE - SEATS}; ${CANCELS} leave, the first ${CANCELS} move up; one email per step`,
      async () => {
        const p = await ProgramApi.newEvent(t, owner, FAR);
        const workshop = await p.session(
          aWorkshop().titled('Atelier CV', 'CV workshop').between('2090-06-10T10:00:00Z', '2090-06-10T11:30:00Z').with({ capacity: SEATS }),
        );
        expect((await p.release()).status).toBe(201);
        await anOpenEvent(p, { capacity: PEOPLE * 2, confirmEmail: false });
        const email = (i: number) => `workshop-${i}@example.ml`;
        const created = answers<Registered>(
          await rush(PEOPLE, (i, api) => register(api, p.slug, aParticipant(`w${i}`, { email: email(i), locale: i % 3 === 0 ? 'en' : 'fr' }))),
          201,
        );
        expect(created.every((c) => c.status === 'confirmed')).toBe(true);

        const chose = answers<Mine>(
          await rush(PEOPLE, (i, api) => send(api, 'PUT', `/api/v1/registrations/${created[i].manageToken}/sessions`, { sessionIds: [workshop.id] })),
          200,
        );
        const signup = (m: Mine) => m.sessions.find((s) => s.id === workshop.id)!;
        const seated = range(0, PEOPLE - 1).filter((i) => signup(chose[i]).status === 'signed_up');
        const waiting = range(0, PEOPLE - 1).filter((i) => signup(chose[i]).status === 'waitlisted');
        expect(seated).toHaveLength(SEATS);
        expect(waiting).toHaveLength(PEOPLE - SEATS);
        const position = (i: number) => signup(chose[i]).waitlistPosition!;
        expect(waiting.map(position).sort(numerically)).toEqual(range(1, PEOPLE - SEATS));
        const counts = async () =>
          Object.fromEntries(
            (
              await t.query<{ status: string; n: number }[]>(`SELECT status, count(*)::int AS n FROM session_signups WHERE session_id = $1 GROUP BY status`, [
                workshop.id,
              ])
            ).map((r) => [r.status, r.n]),
          );
        expect(await counts()).toEqual({ signed_up: SEATS, waitlisted: PEOPLE - SEATS });
        const taken = async () =>
          (await t.query<{ taken: number }[]>(`SELECT taken FROM seat_pools WHERE event_id = $1 AND pool = $2`, [p.eventId, `session:${workshop.id}`]))[0]
            .taken;
        expect(await taken()).toBe(SEATS);

        // Five give their seat back at once, through both processes: three leave the workshop, two cancel altogether.
        const leaving = seated.slice(0, 3);
        const cancelling = seated.slice(3, CANCELS);
        answers<Mine>(
          await rush(leaving.length, (k, api) => send(api, 'PUT', `/api/v1/registrations/${created[leaving[k]].manageToken}/sessions`, { sessionIds: [] })),
          200,
        );
        answers(
          await rush(cancelling.length, (k, api) => send(api, 'POST', `/api/v1/registrations/${created[cancelling[k]].manageToken}/cancel`), [
            apis[1],
            apis[0],
          ]),
          200,
        );
        const after = answers<Mine>(await rush(waiting.length, (k, api) => send(api, 'GET', `/api/v1/registrations/${created[waiting[k]].manageToken}`)), 200);
        waiting.forEach((i, k) => {
          const before = position(i);
          const now = signup(after[k]);
          expect([email(i), now.status, now.waitlistPosition ?? null]).toEqual(
            before <= CANCELS ? [email(i), 'signed_up', null] : [email(i), 'waitlisted', before - CANCELS],
          );
        });
        expect(await counts()).toEqual({ signed_up: SEATS, waitlisted: PEOPLE - SEATS - CANCELS });
        expect(await taken()).toBe(SEATS);

        // One email per step and person: registered, workshop chosen (seat or waiting list), left or cancelled, seat freed up.
        const total = 2 * PEOPLE + 2 * CANCELS;
        const mail = await delivered(p.eventId, total, (m) => m.envelopeTo.some((to) => to.startsWith('workshop-')));
        expect(mail).toHaveLength(total);
        const kinds = kindsByRecipient(mail);
        for (const i of range(0, PEOPLE - 1)) {
          const expected = ['registration.confirmed', 'registration.workshops:changed'];
          if (leaving.includes(i)) expected.push('registration.workshops:changed');
          if (cancelling.includes(i)) expected.push('registration.cancelled');
          if (waiting.includes(i) && position(i) <= CANCELS) expected.push('registration.workshops:seat-freed');
          expect([email(i), kinds.get(email(i))]).toEqual([email(i), expected.sort()]);
        }
        // The choice's email tells the seat, or the position the answer gave.
        for (const i of range(0, PEOPLE - 1)) {
          const first = smtp.messages.find(
            (m) =>
              m.envelopeTo[0] === email(i) &&
              /^(Vos ateliers|Your workshops)/.test(String(m.parsed.subject)) &&
              !/(aucun atelier|any workshop)/.test(String(m.parsed.text)),
          )!;
          expect(String(first.parsed.text)).toMatch(
            waiting.includes(i) ? new RegExp(`(liste d'attente|waiting list), position ${position(i)}\\.`) : /(place réservée|seat booked)\./,
          );
        }
      },
      300_000,
    );

    itBreaksWithoutItsLock(
      'registration-seats',
      `${PEOPLE} registrations at once for ${SEATS} seats oversell the event`,
      async () => {
        // The same rush on two processes whose seat statement counts, then writes.
        const env = { ...processEnv(), NODE_ENV: 'test', TEST_WITHOUT_LOCKS: 'registration-seats', WORKER_IN_PROCESS: 'false' };
        const unguarded = await Promise.all([startApiProcess(env), startApiProcess(env)]);
        extra.push(...unguarded);
        try {
          const p = await ProgramApi.newEvent(t, owner, FAR);
          await anOpenEvent(p, { capacity: SEATS, confirmEmail: false });
          const created = answers<Registered>(
            await rush(PEOPLE, (i, api) => register(api, p.slug, aParticipant(`u${i}`, { email: `unguarded-${i}@example.ml` })), unguarded),
            201,
          );
          const [{ n }] = await t.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND holds_seat`, [p.eventId]);
          expect(created.filter((c) => c.status === 'confirmed').length).toBe(n);
          expect(n).toBeGreaterThan(SEATS);
        } finally {
          await Promise.all(unguarded.map((a) => a.stop()));
        }
      },
      300_000,
    );
  },
);
