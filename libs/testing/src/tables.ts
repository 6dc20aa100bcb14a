/**
 * A table of a function's answers written by answer — `{ answer: [the inputs that give it] }` —
 * as `it.each` rows `[input, answer]`, one test per input.
 */
export function byAnswer<A extends string>(table: Record<A, readonly string[]>): [input: string, answer: A][] {
  return (Object.entries(table) as [A, readonly string[]][]).flatMap(([answer, inputs]) => inputs.map((input): [string, A] => [input, answer]));
}
