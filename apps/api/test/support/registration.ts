import { JobRunner } from '@palabre/platform';
import type { ReceivedMail, SmtpTestServer } from '@palabre/testing';
import { aKeynote, aWorkshop, ProgramApi } from './program';
import { anOrganizer, TestOrganizer } from './organizers';
import { startMailingApp, type TestApp } from './test-app';

/** What registration suites start from: the api sending real mail, an owner of `organization` and the participants' calls. */
export async function aRegistrationWorld(
  organization: string,
  env: Record<string, string> = {},
): Promise<{ t: TestApp; smtp: SmtpTestServer; owner: TestOrganizer; people: Participants }> {
  const { t, smtp } = await startMailingApp(env);
  return { t, smtp, owner: await anOrganizer(t, { organization }), people: new Participants(t, smtp) };
}

/**
 * What the check-in suites start from: a registration world with a `desk` member (`deskEmail`) and
 * an event released with a keynote at 09:00 and a workshop of 10 seats at 10:00, open to 3
 * participants without confirmation.
 */
export async function aDeskWorld(organization: string, deskEmail: string) {
  const world = await aRegistrationWorld(organization);
  const desk = await anOrganizer(world.t, { organization, role: 'desk', email: deskEmail });
  const p = await ProgramApi.newEvent(world.t, world.owner);
  const workshopId = (await p.session(aWorkshop().titled('Atelier CV').on(1, '10:00', '11:00').with({ capacity: 10 }))).id;
  const keynoteId = (await p.session(aKeynote().titled('Ouverture').on(1, '09:00', '10:00'))).id;
  expect((await p.release()).status).toBe(201);
  await anOpenEvent(p, { capacity: 3, confirmEmail: false });
  return { ...world, desk, p, workshopId, keynoteId };
}

/** What aDeskWorld makes, for a suite to keep. */
export type DeskWorld = Awaited<ReturnType<typeof aDeskWorld>>;

/** The form's custom questions are made as the lib specs make them. */
export { aQuestion } from '@palabre/testing';

/** What `POST /api/v1/events/{slug}/registrations` answers. */
export type Registered = { reference: string; status: string; waitlistPosition?: number; manageToken: string };

/** A participant's body for `POST /api/v1/events/{slug}/registrations`, with what the test overrides. */
export function aParticipant(n: number | string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { firstName: `Awa${n}`, lastName: 'Traoré', email: `awa${n}@example.ml`, consent: true, ...overrides };
}

/** Public registration calls and the mail they cause, read back from a real SMTP server. */
export class Participants {
  constructor(
    readonly t: TestApp,
    readonly smtp: SmtpTestServer,
  ) {}

  register(slug: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
    return this.t.fetch(`/api/v1/events/${slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  call(method: string, token: string, suffix = '', body?: unknown): Promise<Response> {
    return this.t.fetch(`/api/v1/registrations/${token}${suffix}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  }

  /** Sends what the outbox holds (as the worker would) and answers the messages that arrived since `seen`. */
  async delivered(expected: number, seen = this.smtp.messages.length): Promise<ReceivedMail[]> {
    await this.t.app.get(JobRunner).drain(['outbox']);
    const all = await this.smtp.waitFor(seen + expected);
    return all.slice(seen);
  }

  /** Everything sent to one address so far. */
  to(email: string): ReceivedMail[] {
    return this.smtp.messages.filter((m) => m.envelopeTo.includes(email));
  }
}

/** The manage token in a message's link to `/r/{token}`. */
export function manageTokenIn(mail: ReceivedMail): string {
  const match = /\/r\/([\w-]{43})/.exec(String(mail.parsed.text));
  if (!match) throw new Error(`no manage link in « ${mail.parsed.subject} »`);
  return match[1];
}

/** A published event open for registration with these settings (capacity, confirmEmail, questions…). */
export async function anOpenEvent(p: ProgramApi, settings: Record<string, unknown>): Promise<void> {
  await p.ok('PATCH', '', settings);
  await p.publishEvent();
}
