import { DataSource } from 'typeorm';
import { TestApp } from './test-app';

export interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

export function parseSetCookie(header: string): SetCookie {
  const [pair, ...attrs] = header.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  const attributes: Record<string, string | true> = {};
  for (const a of attrs) {
    const i = a.indexOf('=');
    if (i < 0) attributes[a.toLowerCase()] = true;
    else attributes[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
  }
  return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), attributes };
}

/**
 * A browser without JavaScript, as far as the server can tell: keeps cookies, does not follow
 * redirects by itself (tests look at the 303s), and remembers the last form token it was shown.
 */
export class WebClient {
  readonly cookies = new Map<string, string>();
  /** The `_csrf` of the last HTML page received. */
  csrf: string | undefined;
  lastSetCookies: SetCookie[] = [];

  constructor(private readonly t: TestApp) {}

  async request(
    path: string,
    init: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'text/html', ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const res = await this.t.fetch(path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    this.lastSetCookies = res.headers.getSetCookie().map(parseSetCookie);
    for (const c of this.lastSetCookies) {
      const expired = c.attributes['max-age'] === '0' || (typeof c.attributes.expires === 'string' && new Date(c.attributes.expires) < new Date());
      if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if ((res.headers.get('content-type') ?? '').includes('text/html')) {
      const text = await res.text();
      const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
      if (token) this.csrf = token;
      return new Response(text, { status: res.status, headers: res.headers });
    }
    return res;
  }

  get(path: string): Promise<Response> {
    return this.request(path);
  }

  /** Posts a form with the last page's CSRF token (unless `_csrf` is given). */
  post(path: string, fields: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { form: { ...(this.csrf ? { _csrf: this.csrf } : {}), ...fields } });
  }

  get sessionCookie(): string | undefined {
    return [...this.cookies].find(([k]) => k.endsWith('palabre_session'))?.[1];
  }
}

/** A browser signed in through the sign-in page. */
export async function signedIn(t: TestApp, email: string, password: string): Promise<WebClient> {
  const client = new WebClient(t);
  await client.get('/admin/sign-in');
  const res = await client.post('/admin/sign-in', { email, password });
  if (res.status !== 303) throw new Error(`page sign-in failed: ${res.status} ${await res.text()}`);
  return client;
}

/** The link of the last message of that template to that address, read from the outbox (its secret is there until the message is sent). */
export async function lastLink(
  t: TestApp,
  to: string,
  template: 'auth.magic-link' | 'member.invitation' | 'speaker.invitation' | 'speaker.reminder' | 'partner.invitation',
): Promise<string> {
  const rows = await t.app
    .get(DataSource)
    .query<{ link: string | null }[]>(
      `SELECT secret->>'link' AS link FROM outbox_messages WHERE recipient = $1 AND template = $2 ORDER BY created_at DESC, id LIMIT 1`,
      [to.toLowerCase(), template],
    );
  if (!rows[0]?.link) throw new Error(`no ${template} message with its link to ${to}`);
  return rows[0].link;
}

export async function countMessages(t: TestApp, to: string, template: string): Promise<number> {
  const rows = await t.app
    .get(DataSource)
    .query<{ n: string }[]>(`SELECT count(*) AS n FROM outbox_messages WHERE recipient = $1 AND template = $2`, [to.toLowerCase(), template]);
  return Number(rows[0].n);
}

/** The secret of an emailed link. */
export function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token')!;
}

/** The path of an absolute link (the tests' app listens on another port than PUBLIC_URL). */
export function pathOf(link: string): string {
  const u = new URL(link);
  return u.pathname + u.search;
}
