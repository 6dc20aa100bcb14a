import { aWorkshop, ProgramApi } from './program';
import { anOpenEvent, aQuestion } from './registration';

/** The languages question's choices, in French and English. */
export const LANGUAGES: [string, [string, string]][] = [
  ['fr', ['Français', 'French']],
  ['bm', ['Bambara', 'Bambara']],
];
import type { TestApp } from './test-app';

/** One question of each kind, as organizers set them. */
export const QUESTIONS = [
  aQuestion('diplome', 'choice', ['Diplôme le plus élevé', 'Highest degree'], {
    required: true,
    choices: [
      ['bac', ['Baccalauréat', 'High school']],
      ['licence', ['Licence', 'Bachelor']],
    ],
  }),
  aQuestion('langues', 'multi', ['Langues parlées', 'Languages spoken'], { choices: LANGUAGES }),
  aQuestion('premier', 'boolean', ['Premier forum ?', 'First forum?'], { required: true }),
  aQuestion('experience', 'number', ['Années d’expérience', 'Years of experience']),
  aQuestion('attentes', 'text', ['Vos attentes', 'What you expect']),
];

/** The form's fields as a browser sends them (a name repeated for each ticked box). */
export type FormPairs = [string, string][];

/** A filled registration form for participant `n`; `overrides` replaces (or, with '', empties) fields. */
export function aFilledForm(n: string, overrides: Record<string, string | string[]> = {}): FormPairs {
  const fields: Record<string, string | string[]> = {
    firstName: `Awa${n}`,
    lastName: 'Traoré',
    email: `awa${n}@example.ml`,
    phone: '',
    organization: 'ONG Jeunesse',
    organizationType: 'ngo',
    gender: 'female',
    ageGroup: '18-24',
    region: 'Bamako',
    q_diplome: 'licence',
    q_langues: ['fr', 'bm'],
    q_premier: 'yes',
    q_experience: '2',
    q_attentes: 'Trouver un stage',
    consent: 'yes',
    site_web: '',
    ...overrides,
  };
  return Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]));
}

/** POSTs a page form (urlencoded), redirects not followed. */
export function postForm(t: TestApp, path: string, pairs: FormPairs = [], headers: Record<string, string> = {}): Promise<Response> {
  return t.fetch(path, {
    method: 'POST',
    redirect: 'manual',
    headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(pairs).toString(),
  });
}

/** A published event open for registration with the questions of each kind and two workshops at the same hour (one with a single seat). */
export async function anEventWithWorkshops(p: ProgramApi, settings: Record<string, unknown>): Promise<{ cv: string; pitch: string }> {
  const room = await p.room('Salle atelier');
  const cv = await p.session(aWorkshop().titled('Atelier CV', 'CV workshop').on(1, '10:00', '11:00').inRoom(room).with({ capacity: 1 }));
  const pitch = await p.session(aWorkshop().titled('Atelier pitch', 'Pitch workshop').on(1, '10:30', '11:30').with({ capacity: 5 }));
  const released = await p.release();
  if (released.status !== 201) throw new Error(`release refused: ${released.status} ${await released.text()}`);
  await anOpenEvent(p, { questions: QUESTIONS, ...settings });
  return { cv: cv.id, pitch: pitch.id };
}
