import { Logger, LoggerService } from '@nestjs/common';
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { simpleParser } from 'mailparser';
import { startSmtpServer, SmtpTestServer } from '@palabre/testing';
import { loadConfig } from '../config/app-config';
import { FileMailTransport } from './file-mail.transport';
import { createMailTransport } from './mail.module';
import { MailPermanentError, MailTransientError, OutgoingMail } from './mail-transport';
import { SmtpMailTransport } from './smtp-mail.transport';

const mail = (overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  to: 'awa@example.ml',
  subject: 'Votre inscription est confirmée',
  text: 'Bonjour Awa, gérez votre inscription : http://localhost:3000/r/abc',
  html: '<p>Bonjour Awa</p>',
  messageId: '<0f1e2d3c@palabre.test>',
  links: ['http://localhost:3000/r/abc'],
  attachments: [{ filename: 'forum.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar' }],
  ...overrides,
});

describe('file mail transport', () => {
  it('writes one .eml per message, readable by a mail parser', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'palabre-mail-'));
    try {
      const transport = new FileMailTransport(dir, 'Palabre <no-reply@localhost>');
      await transport.send(mail());
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const parsed = await simpleParser(readFileSync(path.join(dir, files[0])));
      expect(parsed.subject).toBe('Votre inscription est confirmée');
      expect(parsed.messageId).toBe('<0f1e2d3c@palabre.test>');
      expect(parsed.text).toContain('http://localhost:3000/r/abc');
      expect(parsed.attachments.map((a) => a.filename)).toEqual(['forum.ics']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the links the file transport logs', () => {
  const lines: unknown[][] = [];
  const capture: LoggerService = {
    log: (...args: unknown[]) => lines.push(args),
    error: (...args: unknown[]) => lines.push(args),
    warn: (...args: unknown[]) => lines.push(args),
  };
  beforeAll(() => Logger.overrideLogger(capture));
  afterAll(() => Logger.overrideLogger(false));
  beforeEach(() => (lines.length = 0));

  it.each([
    ['development', true],
    ['test', true],
    ['production', false],
  ] as const)('under NODE_ENV=%s: logged %s', async (nodeEnv, logged) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'palabre-mail-'));
    try {
      const transport = createMailTransport(loadConfig({ NODE_ENV: nodeEnv, MAIL_TRANSPORT: 'file', DATA_DIR: dir }));
      await transport.send(mail({ links: ['http://localhost:3000/auth/link?token=secret-de-connexion'] }));
      const text = JSON.stringify(lines);
      // A line per message all the same: who it went to, and where the file is.
      expect(text).toContain('awa@example.ml');
      expect(text.includes('secret-de-connexion')).toBe(logged);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SMTP mail transport', () => {
  let smtp: SmtpTestServer;
  let transport: SmtpMailTransport;
  beforeEach(async () => {
    smtp = await startSmtpServer();
    transport = new SmtpMailTransport(smtp.url, 'Palabre <no-reply@localhost>', { timeoutMs: 2000 });
  });
  afterEach(async () => {
    await transport.close();
    await smtp.close();
  });

  it('delivers to a real SMTP server with the stable Message-ID', async () => {
    const result = await transport.send(mail());
    expect(result.response).toMatch(/^250/);
    const [received] = await smtp.waitFor(1);
    expect(received.envelopeTo).toEqual(['awa@example.ml']);
    expect(received.parsed.messageId).toBe('<0f1e2d3c@palabre.test>');
    expect(received.parsed.from?.text).toContain('no-reply@localhost');
  });

  it('calls a 4xx answer transient and a 5xx answer permanent', async () => {
    smtp.failWith(451, 'Greylisted, try later');
    await expect(transport.send(mail())).rejects.toBeInstanceOf(MailTransientError);
    smtp.failWith(550, 'No such user');
    await expect(transport.send(mail({ messageId: '<2@palabre.test>' }))).rejects.toBeInstanceOf(MailPermanentError);
  });

  it('calls a server that is not there transient', async () => {
    const port = smtp.port;
    await smtp.close();
    const dead = new SmtpMailTransport(`smtp://127.0.0.1:${port}`, 'x@localhost', { timeoutMs: 1000 });
    await expect(dead.send(mail())).rejects.toBeInstanceOf(MailTransientError);
    await dead.close();
    smtp = await startSmtpServer();
  });
});
