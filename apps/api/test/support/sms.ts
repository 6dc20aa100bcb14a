import { JobRunner } from '@palabre/platform';
import { type ReceivedSms, type SmsTestGateway, startSmsGateway } from '@palabre/testing';
import type { TestApp } from './test-app';

/** The secret the tests' gateway puts on its delivery reports. */
export const REPORT_SECRET = 'rapports-de-remise-0123456789';

/**
 * For a suite: a fake SMS gateway, started before the hooks declared after it (the app's, whose
 * `env` reads its address) and closed after the suite. Read `gateway` inside hooks and tests.
 */
export function suiteSmsGateway(): { gateway: SmsTestGateway } {
  const started = {} as { gateway: SmsTestGateway };
  beforeAll(async () => {
    started.gateway = await startSmsGateway();
  });
  afterAll(() => started.gateway?.close());
  return started;
}

/** What a test app needs to text through the fake gateway's generic API (`env` adds to it). */
export function smsThrough(gateway: SmsTestGateway, env: Record<string, string> = {}): Record<string, string> {
  return {
    SMS_TRANSPORT: 'http',
    SMS_HTTP_URL: `${gateway.url}/send`,
    SMS_HTTP_AUTH_HEADER: 'Authorization: Bearer cle-de-la-passerelle',
    SMS_DELIVERY_REPORT_SECRET: REPORT_SECRET,
    SMS_COST_PER_SEGMENT: '25',
    PUBLIC_URL: 'https://forum.example.org',
    ...env,
  };
}

/** A phone-only participant's body for `POST /api/v1/events/{slug}/registrations`. */
export function aTexter(phone: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { firstName: 'Aïssata', lastName: 'Diarra', phone, consent: true, ...overrides };
}

/** Sends what the outbox holds (as the worker would) and answers the texts that arrived since `seen`. */
export async function textsDelivered(t: TestApp, gateway: SmsTestGateway, expected: number, seen = gateway.messages.length): Promise<ReceivedSms[]> {
  await t.app.get(JobRunner).drain(['outbox']);
  return (await gateway.waitFor(seen + expected)).slice(seen);
}

/** The six-digit code at the start of a code text. */
export function codeIn(sms: ReceivedSms): string {
  const match = /^(\d{6})\b/.exec(sms.text);
  if (!match) throw new Error(`no code in « ${sms.text} »`);
  return match[1];
}

/** The manage token of the `/r/{token}` link in a text. */
export function linkTokenIn(sms: ReceivedSms): string {
  const match = /\/r\/([\w-]{43})/.exec(sms.text);
  if (!match) throw new Error(`no link in « ${sms.text} »`);
  return match[1];
}

/** The ticket code in a ticket text. */
export function ticketIn(sms: ReceivedSms): string {
  const match = /(?:Billet|Ticket) ([2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3})/.exec(sms.text);
  if (!match) throw new Error(`no ticket code in « ${sms.text} »`);
  return match[1];
}
