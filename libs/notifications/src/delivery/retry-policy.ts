/** Retries stop growing at an hour: a relay that is down for a day still gets a try every hour. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * Delay before the next try after `attempts` failed ones: exponential (base, 2×base, 4×base …,
 * capped), with "equal jitter" — half fixed, half random — so that many messages failing
 * together (a relay outage) do not all come back in the same second.
 */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
