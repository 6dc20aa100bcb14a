import type { SetCookie } from './web-client';

/** Referrer policies that never send a path to another site. */
const SAFE_REFERRER_POLICIES = new Set(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']);

/** A Content-Security-Policy header as its directives: `script-src` → [`'self'`]. */
export function cspDirectives(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/**
 * What is wrong with an answer's security headers (empty when nothing is): a CSP whose scripts
 * allow no inline code nor eval, framing refused, no MIME sniffing, a referrer policy that keeps
 * paths (and the tokens in some) on the site, and HSTS exactly when browsers reach us over https.
 */
export function securityHeaderFaults(headers: Headers, overHttps: boolean): string[] {
  const faults: string[] = [];
  const csp = cspDirectives(headers.get('content-security-policy'));
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  if (!scripts) faults.push('no CSP for scripts');
  else if (scripts.some((s) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'].includes(s))) faults.push(`scripts: ${scripts.join(' ')}`);
  if (csp.get('frame-ancestors')?.join(' ') !== "'none'" && headers.get('x-frame-options') !== 'DENY') faults.push('may be framed');
  if (headers.get('x-content-type-options') !== 'nosniff') faults.push('no nosniff');
  if (!SAFE_REFERRER_POLICIES.has(headers.get('referrer-policy') ?? '')) faults.push(`referrer-policy ${headers.get('referrer-policy')}`);
  const hsts = headers.get('strict-transport-security');
  if (overHttps && !(Number(/max-age=(\d+)/.exec(hsts ?? '')?.[1]) >= 180 * 24 * 3600)) faults.push(`HSTS ${hsts}`);
  if (!overHttps && hsts) faults.push(`HSTS over http: ${hsts}`);
  return faults;
}

/** What is wrong with a cookie's flags: readable by scripts, sent cross-site, not for the whole site, or in clear over https. */
export function cookieFaults(cookie: SetCookie, overHttps: boolean): string[] {
  const faults: string[] = [];
  if (cookie.attributes.httponly !== true) faults.push('not HttpOnly');
  if (!['lax', 'strict'].includes(String(cookie.attributes.samesite).toLowerCase())) faults.push(`SameSite ${cookie.attributes.samesite}`);
  if (cookie.attributes.path !== '/') faults.push(`Path ${cookie.attributes.path}`);
  if (overHttps && cookie.attributes.secure !== true) faults.push('not Secure over https');
  return faults.map((f) => `${cookie.name}: ${f}`);
}
