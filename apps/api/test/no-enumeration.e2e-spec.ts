import { anOrganizer, TestOrganizer } from './support/organizers';
import { suiteApp } from './support/test-app';
import { WebClient } from './support/web-client';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Times `run` for a known and an unknown address, alternating, after a warm-up. */
async function timings(tries: number, run: (kind: 'known' | 'unknown', i: number) => Promise<void>) {
  await run('known', -1);
  await run('unknown', -1);
  const out = { known: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < tries; i++) {
    for (const kind of i % 2 ? (['unknown', 'known'] as const) : (['known', 'unknown'] as const)) {
      const started = process.hrtime.bigint();
      await run(kind, i);
      out[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return { known: median(out.known), unknown: median(out.unknown) };
}

/** Same order of magnitude: neither median more than 3× the other. */
function expectSameTimingClass(m: { known: number; unknown: number }) {
  const ratio = Math.max(m.known, m.unknown) / Math.min(m.known, m.unknown);
  expect(ratio).toBeLessThan(3);
}

/**
 * A stranger must not learn whether an address has an account: status, body and timing class
 * are the same for a known and an unknown email. (Limits off: this is about the answers.)
 */
describe('no account enumeration', () => {
  let o: TestOrganizer;
  const t = suiteApp({ RATE_LIMITS: 'off' });
  beforeAll(async () => {
    o = await anOrganizer(t);
  });

  const post = (path: string, body: unknown) => t.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const withoutRequestId = async (res: Response) => {
    const body = (await res.json()) as Record<string, unknown>;
    delete body.requestId;
    return body;
  };

  it('token route: a wrong password and an unknown email get the same 401, in the same time class', async () => {
    const known = await post('/api/v1/auth/token', { email: o.email, password: 'pas-le-bon-mot-de-passe' });
    const unknown = await post('/api/v1/auth/token', { email: 'personne@example.org', password: 'pas-le-bon-mot-de-passe' });
    expect([known.status, unknown.status]).toEqual([401, 401]);
    expect(await withoutRequestId(known)).toEqual(await withoutRequestId(unknown));
    expectSameTimingClass(
      await timings(5, async (kind) => {
        await (await post('/api/v1/auth/token', { email: kind === 'known' ? o.email : 'personne@example.org', password: 'pas-le-bon-mot-de-passe' })).text();
      }),
    );
  });

  it('sign-in page: the same page for a wrong password and an unknown email', async () => {
    const attempt = async (email: string) => {
      const browser = new WebClient(t);
      await browser.get('/admin/sign-in');
      const res = await browser.post('/admin/sign-in', { email, password: 'pas-le-bon-mot-de-passe' });
      return { status: res.status, html: (await res.text()).replaceAll(email, '«email»').replace(/name="_csrf" value="[^"]+"/g, '') };
    };
    const known = await attempt(o.email);
    const unknown = await attempt('personne@example.org');
    expect(known.status).toBe(401);
    expect(unknown).toEqual(known);
    expect(known.html).toContain("L'adresse e-mail ou le mot de passe est incorrect.");
  });

  it('magic link: the same 202 for a known and an unknown email, in the same time class', async () => {
    const known = await post('/api/v1/auth/magic-link', { email: o.email });
    const unknown = await post('/api/v1/auth/magic-link', { email: 'personne@example.org' });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.text()).toBe(await unknown.text());
    expectSameTimingClass(
      await timings(9, async (kind) => {
        await (await post('/api/v1/auth/magic-link', { email: kind === 'known' ? o.email : 'personne@example.org' })).text();
      }),
    );
  });
});
