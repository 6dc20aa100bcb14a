'use strict';
/**
 * A scratch database on a PostgreSQL server and an event open for registration on it, for the
 * benchmarks that register people (bench/registration, bench/overload).
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');
const { ROOT } = require('./processes');

const SERVER = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const PUBLIC_URL = 'https://forum.example.org';
/** Far ahead: the processes run on the real clock, and the window must be open whatever today is. */
const EVENT = { startsAt: '2090-06-10T08:00:00Z', endsAt: '2090-06-11T18:00:00Z', timeZone: 'Africa/Bamako' };

const withDatabase = (url, name) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin(sql) {
  const c = new Client({ connectionString: SERVER });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function call(base, method, pathname, body, headers = {}) {
  const res = await fetch(base + pathname, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

function cli(env, args) {
  return execFileSync(process.execPath, [path.join(ROOT, 'dist/apps/cli/src/main.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...env },
    encoding: 'utf8',
  });
}

/** The organizer (through the CLI, as a deployment does) and a published event open for registration. */
async function setUp(base, databaseUrl) {
  const out = cli({ DATABASE_URL: databaseUrl }, [
    'organizer:create',
    '--email',
    'bench@example.org',
    '--password',
    'banc-d-essai-2026',
    '--organization',
    'Banc d’essai',
  ]);
  const orgSlug = /\(([^)]+)\)\s*$/.exec(out.trim())[1];
  const { accessToken } = await call(base, 'POST', '/api/v1/auth/token', { email: 'bench@example.org', password: 'banc-d-essai-2026' });
  const auth = { authorization: `Bearer ${accessToken}` };
  const slug = 'rush';
  await call(base, 'POST', `/api/v1/organizations/${orgSlug}/events`, { slug, title: { fr: 'Forum de l’emploi', en: 'Job forum' }, ...EVENT }, auth);
  // Seats for everyone: every registration takes one through the guarded pool statement (the rush's hot row).
  await call(base, 'PATCH', `/api/v1/events/${slug}`, { capacity: 1_000_000, confirmEmail: false }, auth);
  await call(base, 'POST', `/api/v1/events/${slug}/publish`, undefined, auth);
  return slug;
}

const body = (i, prefix) =>
  JSON.stringify({
    firstName: `Awa${i}`,
    lastName: 'Traoré',
    email: `${prefix}-${i}@example.ml`,
    consent: true,
    organization: 'Lycée technique',
    locale: 'fr',
  });

module.exports = { SERVER, PUBLIC_URL, EVENT, withDatabase, admin, call, cli, setUp, body };
