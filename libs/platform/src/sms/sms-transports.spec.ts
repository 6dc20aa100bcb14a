import { startSmsGateway, SmsTestGateway } from '@palabre/testing';
import { gatewayBody, HttpSmsTransport } from './http-sms.transport';
import { OrangeSmsTransport } from './orange-sms.transport';
import { SmsPermanentError, SmsTransientError } from './sms-transport';

const sms = { to: '+22366123456', text: 'Awa, "billet" & lien : https://x.ml/r/a?b=c', id: 'msg-1' };

describe('SMS transports', () => {
  let gateway: SmsTestGateway;
  beforeEach(async () => (gateway = await startSmsGateway()));
  afterEach(async () => gateway.close());

  it('escapes each placeholder for the body’s format', () => {
    const values = { to: '+223', from: 'Palabre', text: 'a "b" & c\nd', id: '1' };
    // Still JSON, and the text reads back as it was.
    expect(JSON.parse(gatewayBody('{"to":"{to}","text":"{text}"}', 'json', values))).toEqual({ to: '+223', text: 'a "b" & c\nd' });
    expect(gatewayBody('to={to}&text={text}', 'form', values)).toBe('to=%2B223&text=a%20%22b%22%20%26%20c%0Ad');
  });

  it.each(['json', 'form'] as const)('posts to a generic gateway in %s with its auth header, and keeps its id', async (format) => {
    const transport = new HttpSmsTransport(
      {
        url: `${gateway.url}/send`,
        format,
        body: format === 'json' ? '{"to":"{to}","from":"{from}","text":"{text}"}' : 'to={to}&from={from}&text={text}',
        authHeader: { name: 'X-Api-Key', value: 'cle' },
      },
      'Palabre',
    );
    expect(await transport.send(sms)).toMatchObject({ providerId: 'gw-1' });
    expect(gateway.messages[0]).toMatchObject({ to: sms.to, text: sms.text, from: 'Palabre' });
    expect(gateway.messages[0].headers['x-api-key']).toBe('cle');
  });

  it('calls 5xx, 429 and a refused connection transient, another 4xx permanent', async () => {
    const transport = new HttpSmsTransport({ url: `${gateway.url}/send`, format: 'json', body: '{"to":"{to}"}' }, 'Palabre');
    for (const [status, kind] of [
      [503, SmsTransientError],
      [429, SmsTransientError],
      [400, SmsPermanentError],
    ] as const) {
      gateway.failWith(status);
      await expect(transport.send(sms)).rejects.toBeInstanceOf(kind);
    }
    const dead = new HttpSmsTransport({ url: 'http://127.0.0.1:1/send', format: 'json', body: '{}' }, 'Palabre');
    await expect(dead.send(sms)).rejects.toBeInstanceOf(SmsTransientError);
  });

  it('Orange: one token for many texts until it nearly expires, a new one after; wrong credentials are transient', async () => {
    let now = 1_000_000;
    const orange = { baseUrl: gateway.url, clientId: gateway.orange.clientId, clientSecret: gateway.orange.clientSecret, sender: '22370000000' };
    const transport = new OrangeSmsTransport(orange, 'Palabre', () => now);
    const sent = await Promise.all([transport.send(sms), transport.send({ ...sms, id: 'msg-2' })]);
    expect(sent.map((s) => s.providerId)).toEqual(['gw-1', 'gw-2']);
    expect(gateway.orange.tokensIssued).toBe(1);
    expect(gateway.messages.map((m) => [m.api, m.to, m.from])).toEqual([
      ['orange', sms.to, 'Palabre'],
      ['orange', sms.to, 'Palabre'],
    ]);
    now += 3_600_000 - 30_000; // within the last minute of its hour
    await transport.send(sms);
    expect(gateway.orange.tokensIssued).toBe(2);
    const wrong = new OrangeSmsTransport({ ...orange, clientSecret: 'faux' }, 'Palabre');
    await expect(wrong.send(sms)).rejects.toBeInstanceOf(SmsTransientError);
  });
});
