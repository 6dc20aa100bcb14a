import { anOrganizer, TestOrganizer } from './organizers';
import { ProgramApi } from './program';
import { json, TestApp } from './test-app';

/** A partner organization's member and the calls of its area on one event. */
export class PartnerApi {
  constructor(
    readonly t: TestApp,
    readonly member: TestOrganizer,
    readonly eventSlug: string,
    readonly partnerId: string,
  ) {}

  get base(): string {
    return `/api/v1/organizations/${this.member.organizationSlug}/partnerships/${this.eventSlug}`;
  }

  call(method: string, path: string, body?: unknown): Promise<Response> {
    const { 'content-type': _json, ...auth } = this.member.headers;
    return this.t.fetch(this.base + path, {
      method,
      headers: body === undefined ? auth : this.member.headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${this.base}${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  /** Saves the year's figures (`{ employed: 120, … }`) and submits them. */
  async submitFigures(year: number, values: Record<string, number>): Promise<void> {
    await this.ok('PUT', `/figures/${year}`, { values: Object.entries(values).map(([indicator, value]) => ({ indicator, value })) });
    await this.ok('POST', `/figures/${year}/submit`);
  }
}

/**
 * An organization invited by the lead as a partner of the event (created by the invitation),
 * with a member of the `program` role signed in by token: what a partner's staff uses.
 */
export async function aPartner(lead: ProgramApi, name: string, role: 'owner' | 'program' | 'viewer' = 'program'): Promise<PartnerApi> {
  const invited = await json<{ partner: { id: string; slug: string } }>(
    await lead.call('POST', '/partners', { name, email: `direction@${name.toLowerCase().replace(/[^a-z]+/g, '-')}.example` }),
  );
  const member = await anOrganizer(lead.t, { organization: invited.partner.slug, role });
  return new PartnerApi(lead.t, member, lead.slug, invited.partner.id);
}
