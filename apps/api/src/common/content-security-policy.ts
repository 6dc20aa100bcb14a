import { createHash } from 'node:crypto';

/** The policy of every response: nothing inline, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/**
 * The same policy, also allowing one inline `<style>` element by its hash. Public program
 * pages place sessions on the grid and colour tracks from data the stylesheet cannot know;
 * a hashed block keeps inline styles forbidden everywhere else (CSP forbids style attributes).
 */
export function policyAllowingStyle(css: string): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' 'sha256-${hash}'`);
}
