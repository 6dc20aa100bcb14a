import { byBodyField, byClientIp, RateLimitRule } from '@palabre/platform';

/**
 * Password sign-in, on the page and the token route alike (one family of counters, so the
 * two doors give no extra tries). Per address generously, since an NGO's office or a
 * venue's Wi-Fi puts many people behind one address; per account tightly.
 */
export const SIGN_IN_LIMITS: RateLimitRule[] = [
  { name: 'sign-in:ip', limit: 50, windowSeconds: 600, subject: byClientIp },
  { name: 'sign-in:account', limit: 10, windowSeconds: 600, subject: byBodyField('email') },
];

/** Asking for a sign-in link: each one sends an email. */
export const MAGIC_LINK_LIMITS: RateLimitRule[] = [
  { name: 'magic-link:ip', limit: 20, windowSeconds: 600, subject: byClientIp },
  { name: 'magic-link:account', limit: 5, windowSeconds: 600, subject: byBodyField('email') },
];

/** Using a link or an invitation (guessing a 256-bit secret is hopeless; this only caps the noise). */
export const LINK_USE_LIMITS: RateLimitRule[] = [{ name: 'link-use:ip', limit: 30, windowSeconds: 600, subject: byClientIp }];
