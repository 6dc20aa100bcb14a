/** Now, injected where rules depend on it, so tests can move time. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A day, in milliseconds (24 hours: not a calendar day of a time zone). */
export const DAY_MS = 86_400_000;
