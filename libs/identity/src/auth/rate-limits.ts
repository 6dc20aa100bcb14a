import { AttemptRule, byBodyField, byClientIp, RateLimitRule } from '@palabre/platform';

/**
 * Password sign-in, on the page and the token route alike (one family of counters, so the
 * two doors give no extra tries): every request counts per address, generously, since an
 * NGO's office or a venue's Wi-Fi puts many people behind one address.
 */
export const SIGN_IN_LIMITS: RateLimitRule[] = [{ name: 'sign-in:ip', limit: 50, windowSeconds: 600, subject: byClientIp }];

/**
 * Wrong passwords for one account from one address (an IPv6 /64 counting as one). Only
 * failures count, and per address: someone else's guesses never lock the owner out of their
 * own, and the right password never uses up a try. Counted in AuthService, which knows the outcome.
 */
export const SIGN_IN_FAILURES: AttemptRule = { name: 'sign-in:failures', limit: 10, windowSeconds: 600 };

/** Wrong current passwords when changing it, per account: a stolen session must not become a guessing oracle. */
export const PASSWORD_CHECK_FAILURES: AttemptRule = { name: 'password-check:failures', limit: 5, windowSeconds: 600 };

/** Asking for a sign-in link: each one sends an email. */
export const MAGIC_LINK_LIMITS: RateLimitRule[] = [
  { name: 'magic-link:ip', limit: 20, windowSeconds: 600, subject: byClientIp },
  { name: 'magic-link:account', limit: 5, windowSeconds: 600, subject: byBodyField('email') },
];

/** Using a link or an invitation (guessing a 256-bit secret is hopeless; this only caps the noise). */
export const LINK_USE_LIMITS: RateLimitRule[] = [{ name: 'link-use:ip', limit: 30, windowSeconds: 600, subject: byClientIp }];
