import { byBodyField, byClientIp, RateLimitRule } from '@palabre/platform';

/**
 * The public registration routes. Per address the limit is generous: at a forum hundreds of
 * phones share the venue's Wi-Fi or a carrier's NAT; per email it is tight, so nobody floods
 * one inbox (or phone) with « your link again ».
 */
export const REGISTRATION_LIMITS: RateLimitRule[] = [
  { name: 'registration:ip', limit: 120, windowSeconds: 600, subject: byClientIp },
  { name: 'registration:email', limit: 5, windowSeconds: 3600, subject: byBodyField('email') },
  // Each attempt by phone sends a text: as tight as by email (the SMS limits count the texts themselves).
  { name: 'registration:phone', limit: 5, windowSeconds: 3600, subject: byBodyField('phone') },
];

/** Requests that carry a manage token (page views, confirmations, changes), per address: guessing tokens is slow. */
export const MANAGE_LIMITS: RateLimitRule[] = [{ name: 'registration-manage:ip', limit: 300, windowSeconds: 600, subject: byClientIp }];
