/** The smallest count a published table shows: fewer people than this could be singled out. */
export const SMALL_CELL = 5;

/**
 * A count as a published table shows it: the number, `small` (« < 5 »: fewer than five people,
 * zero included, so that an empty cell and a cell of one look alike), or `hidden` (shown as
 * « masqué »: a larger cell withheld so that a lone small one cannot be worked out from the
 * exact total by subtraction).
 */
export type ShownCount = number | 'small' | 'hidden';

/** One count on its own (a session's sign-ups, its check-ins). */
export function suppressCount(n: number): ShownCount {
  return n < SMALL_CELL ? 'small' : n;
}

/**
 * The cells of one breakdown, whose total is published exactly: every cell under five is
 * `small`; when that leaves exactly one small cell beside known ones, the smallest other cell is
 * `hidden` too, or « total − the others » would give the small one away.
 */
export function suppressBreakdown(counts: readonly number[]): ShownCount[] {
  const shown: ShownCount[] = counts.map(suppressCount);
  const small = shown.filter((c) => c === 'small').length;
  if (small === 1 && counts.length > 1) {
    let smallest = -1;
    counts.forEach((n, i) => {
      if (shown[i] !== 'small' && (smallest < 0 || n < counts[smallest])) smallest = i;
    });
    shown[smallest] = 'hidden';
  }
  return shown;
}

/** A ratio of two published counts: withheld when either is, or it would give them away. */
export function suppressRate(rate: number | null, ...parts: ShownCount[]): number | 'hidden' | null {
  if (rate === null) return null;
  return parts.every((p) => typeof p === 'number') ? rate : 'hidden';
}
