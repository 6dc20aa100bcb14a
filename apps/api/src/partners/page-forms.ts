import type { Locale, ProblemDocument } from '@palabre/platform';
import { formProblem } from '../admin/admin-context';
import { field, FormBody } from '../program-admin/form-values';

/** The named fields of a page form, as typed. */
export function fields<K extends string>(body: FormBody, ...names: K[]): Record<K, string> {
  return Object.fromEntries(names.map((n) => [n, field(body, n)])) as Record<K, string>;
}

/** Runs a form's write: nothing when it went through, else the problem to show on the form again. */
export async function attempt(locale: Locale, work: () => Promise<unknown>): Promise<ProblemDocument | undefined> {
  try {
    await work();
    return undefined;
  } catch (error) {
    return formProblem(error, locale);
  }
}
