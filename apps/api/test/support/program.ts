import { randomBytes } from 'node:crypto';
import { TestOrganizer } from './organizers';
import { TestApp } from './test-app';

/** The forum the program tests build on: two days in Bamako (UTC+0). */
export const FORUM = { startsAt: '2030-06-10T08:00:00Z', endsAt: '2030-06-11T18:00:00Z', timeZone: 'Africa/Bamako' };

/** `hh:mm` on day 1 or 2 of FORUM, as an instant. */
export function at(day: 1 | 2 | 3, hhmm: string): string {
  return `2030-06-${9 + day}T${hhmm}:00Z`;
}

type Role = 'moderator' | 'panelist' | 'speaker' | 'host';

/** A session request body, built the way a program reads: `aPanel().titled('…').on(1, '09:00', '10:00').inRoom(r).withModerator(m)`. */
export class SessionBuilder {
  private readonly body: Record<string, unknown>;
  private readonly people: { speakerId: string; role: Role }[] = [];

  constructor(type: string) {
    this.body = { type, title: { fr: `Session ${randomBytes(3).toString('hex')}` }, startsAt: at(1, '09:00'), endsAt: at(1, '10:00') };
  }

  titled(fr: string, en?: string): this {
    this.body.title = en ? { fr, en } : { fr };
    return this;
  }
  on(day: 1 | 2 | 3, from: string, to: string): this {
    this.body.startsAt = at(day, from);
    this.body.endsAt = at(day, to);
    return this;
  }
  between(startsAt: string, endsAt: string): this {
    Object.assign(this.body, { startsAt, endsAt });
    return this;
  }
  inRoom(roomId: string): this {
    this.body.roomId = roomId;
    return this;
  }
  with(fields: Record<string, unknown>): this {
    Object.assign(this.body, fields);
    return this;
  }
  private person(role: Role, ids: string[]): this {
    this.people.push(...ids.map((speakerId) => ({ speakerId, role })));
    return this;
  }
  withModerator(...ids: string[]): this {
    return this.person('moderator', ids);
  }
  withPanelists(...ids: string[]): this {
    return this.person('panelist', ids);
  }
  withSpeakers(...ids: string[]): this {
    return this.person('speaker', ids);
  }
  withHost(...ids: string[]): this {
    return this.person('host', ids);
  }
  build(): Record<string, unknown> {
    return this.people.length ? { ...this.body, people: this.people } : { ...this.body };
  }
}

export const aPanel = () => new SessionBuilder('panel');
export const aWorkshop = () => new SessionBuilder('workshop');
export const aKeynote = () => new SessionBuilder('keynote');
export const aPlenary = () => new SessionBuilder('plenary');

/** The event settings form as its page sends it for a test event on FORUM's dates, with what the test types over it. */
export function anEventSettingsForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    titleFr: 'Forum de test',
    titleEn: '',
    descriptionFr: '',
    descriptionEn: '',
    colour: '#0b6e4f',
    timeZone: 'Africa/Bamako',
    startsAt: '2030-06-10T08:00',
    endsAt: '2030-06-11T18:00',
    venueName: '',
    venueAddress: '',
    registrationOpensAt: '',
    registrationClosesAt: '',
    capacity: '',
    confirmEmail: 'on',
    holdHours: '48',
    ...overrides,
  };
}

export interface ProblemBody {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

/** An event of an organizer's organization and the calls that build its program. */
export class ProgramApi {
  private constructor(
    readonly t: TestApp,
    readonly org: TestOrganizer,
    readonly slug: string,
    readonly eventId: string,
  ) {}

  static async newEvent(t: TestApp, org: TestOrganizer, overrides: Record<string, unknown> = {}): Promise<ProgramApi> {
    const slug = `forum-${randomBytes(4).toString('hex')}`;
    const res = await t.fetch(`/api/v1/organizations/${org.organizationSlug}/events`, {
      method: 'POST',
      headers: org.headers,
      body: JSON.stringify({ slug, title: { fr: 'Forum de test', en: 'Test forum' }, ...FORUM, ...overrides }),
    });
    if (res.status !== 201) throw new Error(`event not created: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { id: string; slug: string };
    return new ProgramApi(t, org, body.slug, body.id);
  }

  /** The same event, called as someone else. */
  as(org: TestOrganizer): ProgramApi {
    return new ProgramApi(this.t, org, this.slug, this.eventId);
  }

  call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    // No content-type without a body: Fastify rightly refuses an empty JSON body.
    const { 'content-type': _json, ...auth } = this.org.headers;
    return this.t.fetch(`/api/v1/events/${this.slug}${path}`, {
      method,
      headers: { ...(body === undefined ? auth : this.org.headers), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  }

  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  async publishEvent(): Promise<void> {
    await this.ok('POST', '/publish');
  }

  async room(name = `Salle ${randomBytes(2).toString('hex')}`, capacity?: number): Promise<string> {
    return (await this.ok<{ id: string }>('POST', '/rooms', { name, ...(capacity ? { capacity } : {}) })).id;
  }

  async track(fr: string, colour = '#1d6f42'): Promise<string> {
    return (await this.ok<{ id: string }>('POST', '/tracks', { name: { fr }, colour })).id;
  }

  async speaker(name: string, extra: Record<string, unknown> = {}): Promise<string> {
    return (await this.ok<{ id: string }>('POST', '/speakers', { name, ...extra })).id;
  }

  createSession(body: SessionBuilder | Record<string, unknown> | string): Promise<Response> {
    return this.call('POST', '/program/sessions', body instanceof SessionBuilder ? body.build() : body);
  }

  async session(body: SessionBuilder | Record<string, unknown>): Promise<{ id: string; number: number; [k: string]: unknown }> {
    const res = await this.createSession(body);
    if (res.status !== 201) throw new Error(`session not created: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; number: number };
  }

  moveSession(id: string, patch: Record<string, unknown>): Promise<Response> {
    return this.call('PATCH', `/program/sessions/${id}`, patch);
  }

  async draft(): Promise<{ id: string; title: { fr: string }; [k: string]: unknown }[]> {
    return (await this.ok<{ items: { id: string; title: { fr: string } }[] }>('GET', '/program/sessions')).items;
  }

  release(note = 'Nouvelle version'): Promise<Response> {
    return this.call('POST', '/program/releases', { note });
  }
}
