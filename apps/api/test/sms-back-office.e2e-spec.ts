import { anOrganizer, TestOrganizer } from './support/organizers';
import { ProgramApi } from './support/program';
import { anOpenEvent, Participants } from './support/registration';
import { aTexter, codeIn, REPORT_SECRET, suiteSmsGateway, textsDelivered, ticketIn } from './support/sms';
import { json, suiteApp } from './support/test-app';
import { signedIn, WebClient } from './support/web-client';

type SmsLog = {
  items: { to: string; template: string; status: string; segments: number; cost: number | null; deliveryStatus: string | null; lastError: string | null }[];
  currency: string;
  campaigns: { template: string; messages: number; segments: number; cost: number }[];
  budget: { used: number; limit: number | null; stopped: boolean };
};

/**
 * Texts through a fake of Orange's SMS API (its OAuth token endpoint included), and what the
 * organizers see: the SMS log with segments and costs, phone search, « renvoyer le billet par
 * SMS », and the day's budget stopping texts (the dashboard says so) while registrations go on.
 */
describe('SMS through Orange, and the back-office', () => {
  const texts = suiteSmsGateway();
  const t = suiteApp(() => ({
    SMS_TRANSPORT: 'orange',
    SMS_ORANGE_BASE_URL: texts.gateway.url,
    SMS_ORANGE_CLIENT_ID: texts.gateway.orange.clientId,
    SMS_ORANGE_CLIENT_SECRET: texts.gateway.orange.clientSecret,
    SMS_ORANGE_SENDER: '22370000000',
    SMS_FROM: 'JobCluster',
    SMS_DELIVERY_REPORT_SECRET: REPORT_SECRET,
    SMS_COST_PER_SEGMENT: '25',
    // Four segments a day (100 XOF at 25): what the tests below send, and then one more is refused.
    SMS_DAILY_BUDGET: '100',
    PUBLIC_URL: 'https://forum.example.org',
  }));
  const people = new Participants(t, undefined as never);
  let owner: TestOrganizer;
  let browser: WebClient;
  let p: ProgramApi;

  beforeAll(async () => {
    owner = await anOrganizer(t);
    browser = await signedIn(t, owner.email, owner.password);
    p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 10 });
  });

  const smsLog = async (query = '') => json<SmsLog>(await t.fetch(`/api/v1/organizations/${owner.organizationSlug}/sms${query}`, { headers: owner.headers }));
  let ticketCode = '';
  let reference = '';

  it('sends through Orange’s API with one OAuth token, and takes Orange’s delivery reports', async () => {
    const verificationId = (await people.register(p.slug, aTexter('66 12 34 56'))).headers.get('location')!.split('/').pop()!;
    const [code] = await textsDelivered(t, texts.gateway, 1);
    expect(code).toMatchObject({ api: 'orange', to: '+22366123456', from: 'JobCluster' });
    const res = await t.fetch(`/api/v1/registrations/sms-codes/${verificationId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: codeIn(code) }),
    });
    reference = (await json<{ reference: string }>(res)).reference;
    const [ticket] = await textsDelivered(t, texts.gateway, 1);
    ticketCode = ticketIn(ticket);
    expect(texts.gateway.orange.tokensIssued).toBe(1);

    // Orange names the number, not the message: the latest text to it gets the report.
    const report = await t.fetch(`/api/v1/sms/delivery-reports?secret=${REPORT_SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        deliveryInfoNotification: { deliveryInfo: { address: 'tel:+22366123456', deliveryStatus: 'DeliveredToTerminal' }, callbackData: '' },
      }),
    });
    expect(await json(report)).toEqual({ status: 'delivered' });
    const log = await smsLog();
    expect(log.items.map((i) => [i.template, i.status, i.deliveryStatus, i.segments, i.cost])).toEqual([
      ['sms.confirmed', 'sent', 'delivered', 1, 25],
      ['sms.code', 'sent', null, 1, 25],
    ]);
    expect(log.currency).toBe('XOF');
    expect(log.campaigns).toEqual(
      expect.arrayContaining([
        { eventId: p.eventId, template: 'sms.code', messages: 1, segments: 1, cost: 25 },
        { eventId: p.eventId, template: 'sms.confirmed', messages: 1, segments: 1, cost: 25 },
      ]),
    );
  });

  it('finds a registration by its phone as typed, and sends the ticket again by SMS, once an hour', async () => {
    const list = await browser.get(`/admin/o/${owner.organizationSlug}/events/${p.slug}/registrations?q=${encodeURIComponent('66 12 34')}`);
    expect(await list.text()).toContain(reference);
    const none = await browser.get(`/admin/o/${owner.organizationSlug}/events/${p.slug}/registrations?q=${encodeURIComponent('66 99 99')}`);
    expect(await none.text()).not.toContain(reference);

    const page = await browser.get(`/admin/o/${owner.organizationSlug}/events/${p.slug}/registrations/${reference}`);
    expect(await page.text()).toContain('Renvoyer le billet par SMS');
    const resend = await browser.post(`/admin/o/${owner.organizationSlug}/events/${p.slug}/registrations/${reference}/resend-sms`);
    expect([resend.status, resend.headers.get('location')]).toEqual([303, expect.stringMatching(/\?done=sms-sent$/) as string]);
    const [again] = await textsDelivered(t, texts.gateway, 1);
    expect([again.to, ticketIn(again)]).toEqual(['+22366123456', ticketCode]);
    const twice = await browser.post(`/admin/o/${owner.organizationSlug}/events/${p.slug}/registrations/${reference}/resend-sms`);
    expect(twice.headers.get('location')).toMatch(/\?done=sms-not-sent$/);

    const logPage = await (await browser.get(`/admin/o/${owner.organizationSlug}/sms`)).text();
    expect(logPage).toContain('+22366123456');
    expect(logPage).toContain('Billet (inscription confirmée)');
    expect(logPage).toMatch(/25 XOF par segment/);
    expect(logPage).toContain('Remis');
  });

  it('stops texts once the day’s budget is spent: the registration is recorded, the dashboard says so', async () => {
    await people.register(p.slug, aTexter('66 22 33 44'));
    expect((await textsDelivered(t, texts.gateway, 1))[0].to).toBe('+22366223344');
    expect((await smsLog()).budget).toEqual({ used: 4, limit: 4, refused: 0, stopped: true });
    const seen = texts.gateway.messages.length;
    const res = await people.register(p.slug, aTexter('66 33 44 55'));
    expect(res.status).toBe(202);
    await textsDelivered(t, texts.gateway, 0);
    expect(texts.gateway.messages.length).toBe(seen);
    const [row] = await t.query(`SELECT status FROM registrations WHERE phone = '+22366334455'`);
    expect(row).toEqual({ status: 'pending' });
    expect((await smsLog('?q=66334455')).items).toMatchObject([{ status: 'failed', lastError: 'limit: budget', cost: null }]);
    const dashboard = await (await browser.get(`/admin/o/${owner.organizationSlug}`)).text();
    expect(dashboard).toContain('Les SMS sont arrêtés pour aujourd’hui : le budget quotidien est atteint');
    // A new day (UTC) starts with the whole budget again.
    t.clock.advance(86_400_000);
    expect((await smsLog()).budget).toMatchObject({ used: 0, stopped: false });
    t.clock.reset();
  });
});
