import { pageText } from './support/html';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { anEventSettingsForm, ProgramApi } from './support/program';
import { aQuestion } from './support/registration';
import { json, suiteApp } from './support/test-app';
import { signedIn, WebClient } from './support/web-client';

type Settings = {
  capacity: number | null;
  confirmEmail: boolean;
  holdHours: number;
  opensAt: string | null;
  closesAt: string | null;
  consentText: { fr: string; en?: string } | null;
  questions: {
    id: string;
    label: { fr: string; en?: string };
    kind: string;
    required: boolean;
    choices?: { value: string; label: { fr: string; en?: string } }[];
  }[];
};

/** The form's fields as the page shows them, with what the test types over them. */
function settingsForm(overrides: Record<string, string> = {}): Record<string, string> {
  return anEventSettingsForm({
    registrationOpensAt: '2030-05-01T08:00',
    registrationClosesAt: '2030-06-09T23:59',
    capacity: '300',
    holdHours: '24',
    consentFr: 'J’accepte que mes données servent à organiser le forum.',
    consentEn: 'I agree that my data is used to run the forum.',
    ...overrides,
  });
}

/** The event settings form, without JavaScript: registration window, seats, opt-in, consent and custom questions, there and back. */
describe('event settings form: registration settings and questions', () => {
  let owner: TestOrganizer;
  let p: ProgramApi;
  let browser: WebClient;
  const page = () => `/admin/o/${owner.organizationSlug}/events/${p.slug}`;
  const settings = async () => (await json<{ registrationSettings: Settings }>(await p.call('GET', '/settings'))).registrationSettings;

  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t, { organization: 'Forum Réglages' });
    p = await ProgramApi.newEvent(t, owner);
    browser = await signedIn(t, owner.email, owner.password);
  });

  it('saves the window, seats, opt-in, hold, consent and new questions from blank rows, and shows them back', async () => {
    const form = await (await browser.get(page())).text();
    expect(form).toContain('name="questions.0.labelFr"');
    expect(form).toContain('name="questions.2.choices"');
    expect(form).not.toContain('name="questions.3.labelFr"');

    const res = await browser.post(
      page(),
      settingsForm({
        'questions.0.labelFr': "Niveau d'études",
        'questions.0.labelEn': 'Education',
        'questions.0.kind': 'choice',
        'questions.0.required': 'on',
        'questions.0.choices': 'bac: Baccalauréat | High school\nLicence\nmaster: Master',
        'questions.2.labelFr': 'Avez-vous un permis ?',
        'questions.2.kind': 'boolean',
      }),
    );
    expect(res.status).toBe(303);
    const saved = await settings();
    expect(saved).toMatchObject({
      capacity: 300,
      confirmEmail: true,
      holdHours: 24,
      opensAt: '2030-05-01T08:00:00.000Z',
      closesAt: '2030-06-09T23:59:00.000Z',
      consentText: { fr: 'J’accepte que mes données servent à organiser le forum.', en: 'I agree that my data is used to run the forum.' },
    });
    expect(saved.questions).toEqual([
      aQuestion('niveau-d-etudes', 'choice', ["Niveau d'études", 'Education'], {
        required: true,
        choices: [
          ['bac', ['Baccalauréat', 'High school']],
          ['licence', 'Licence'],
          ['master', 'Master'],
        ],
      }),
      aQuestion('avez-vous-un-permis', 'boolean', 'Avez-vous un permis ?'),
    ]);

    // Shown back as typed, with three blank rows after the two questions.
    const again = await (await browser.get(page())).text();
    expect(again).toMatch(/name="questions\.0\.choices"[^>]*>bac: Baccalauréat \| High school\nlicence: Licence\nmaster: Master<\/textarea>/);
    expect(again).toContain('id="event-q1-id" name="questions.1.id" type="text" value="avez-vous-un-permis"');
    expect(again).toContain('name="questions.4.labelFr"');
    expect(again).toContain('J’accepte que mes données servent à organiser le forum.</textarea>');
  });

  it('keeps a question’s code when its label changes, removes an emptied question, and clears the consent', async () => {
    const form = settingsForm({
      consentFr: '',
      consentEn: '',
      capacity: '',
      confirmEmail: '',
      'questions.0.id': 'niveau-d-etudes',
      'questions.0.labelFr': 'Diplôme le plus élevé',
      'questions.0.kind': 'choice',
      'questions.0.choices': 'bac: Baccalauréat\nmaster: Master',
      'questions.1.id': 'avez-vous-un-permis',
      'questions.1.labelFr': '',
      'questions.1.kind': 'boolean',
    });
    expect((await browser.post(page(), form)).status).toBe(303);
    const saved = await settings();
    expect(saved).toMatchObject({ capacity: null, confirmEmail: false, consentText: null });
    expect(saved.questions.map((q) => [q.id, q.label.fr, q.choices?.length])).toEqual([['niveau-d-etudes', 'Diplôme le plus élevé', 2]]);
  });

  it('names each refused question field beside it and keeps what was typed', async () => {
    const res = await browser.post(
      page(),
      settingsForm({
        'questions.0.labelFr': 'Langues',
        'questions.0.kind': 'multi',
        'questions.0.choices': '',
        'questions.1.labelFr': 'Âge',
        'questions.1.kind': 'number',
        'questions.1.choices': 'vingt',
      }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<a href="#event-q0-choices">[^<]+<\/a>/);
    expect(html).toContain('value="Langues"');
    const dup = await browser.post(page(), settingsForm({ 'questions.0.labelFr': 'Ville', 'questions.1.labelFr': 'Ville ?', 'questions.1.id': 'ville' }));
    expect(dup.status).toBe(400);
    const dupText = await dup.text();
    expect(dupText).toContain('<a href="#event-q1-id">Identifiant déjà utilisé.</a>');
    expect(pageText(dupText)).toContain('Questions du formulaire d’inscription');
    expect((await settings()).questions.map((q) => q.id)).toEqual(['niveau-d-etudes']);
  });

  it('the registration form then asks the questions the settings made', async () => {
    await p.publishEvent();
    t.clock.advance(new Date('2030-05-02T00:00:00Z').getTime() - t.clock.now().getTime());
    try {
      const res = await t.fetch(`/api/v1/events/${p.slug}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ firstName: 'Awa', lastName: 'Traoré', email: 'awa@example.ml', consent: true, answers: { 'niveau-d-etudes': 'doctorat' } }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['answers.niveau-d-etudes']);
    } finally {
      t.clock.reset();
    }
  });
});
