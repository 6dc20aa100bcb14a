import type { MailLogEntry, MailLogPage } from '@palabre/notifications';
import { anOwnerContext } from '../../test/support/admin-context';
import { renderMailLogPage } from './mail-log-page';

function anEntry(overrides: Partial<MailLogEntry> = {}): MailLogEntry {
  return {
    id: '7d3f6c1e-1d1e-4c1b-9f0a-1b2c3d4e5f60',
    to: 'awa@example.ml',
    template: 'registration.confirmed',
    locale: 'fr',
    status: 'sent',
    attempts: 1,
    lastError: null,
    messageId: '<7d3f@forum.example.org>',
    eventId: null,
    createdAt: new Date('2025-06-01T09:30:00Z'),
    nextAttemptAt: new Date('2025-06-01T09:30:00Z'),
    sentAt: new Date('2025-06-01T09:30:01Z'),
    ...overrides,
  };
}

function aLog(items: MailLogEntry[], overrides: Partial<MailLogPage> = {}): MailLogPage {
  return { items, total: items.length, page: 1, pageSize: 25, counts: { queued: 0, sending: 0, sent: items.length, failed: 0 }, ...overrides };
}

describe('the delivery log page', () => {
  it('lists messages with their state, in French, and counts by state', () => {
    const html = renderMailLogPage({
      ctx: anOwnerContext('fr', 'ong-jeunesse', 'ONG Jeunesse', '/admin/o/ong-jeunesse/mail'),
      log: aLog([anEntry(), anEntry({ to: 'bounce@example.ml', status: 'failed', attempts: 3, lastError: '550 Mailbox unavailable' })], {
        counts: { queued: 2, sending: 0, sent: 1, failed: 1 },
      }),
      filter: {},
    });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Courriels envoyés</h1>');
    expect(html).toContain('Inscription confirmée');
    expect(html).toContain('En échec');
    expect(html).toContain('550 Mailbox unavailable');
    expect(html).toContain('href="/admin/o/ong-jeunesse/mail?status=queued">En attente : 2</a>');
    // Only the failed message can be resent, by a form carrying the session's token.
    expect(html.match(/action="\/admin\/o\/ong-jeunesse\/mail\/[^"]+\/resend"/g)).toHaveLength(1);
    expect(html).toContain('name="_csrf" value="csrf-token"');
  });

  it('escapes what came from users: addresses and relay errors', () => {
    const html = renderMailLogPage({
      ctx: anOwnerContext('en', 'ong', '<b>ONG</b>', '/admin/o/ong/mail?lang=en'),
      log: aLog([anEntry({ to: '"<script>alert(1)</script>"@example.ml', status: 'failed', lastError: '<img src=x onerror=alert(1)>' })]),
      filter: { q: '"><script>alert(2)</script>' },
    });
    expect(html).not.toMatch(/<script>alert|<img src=x|<b>ONG/);
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('Failed');
  });

  it('pages through the log keeping the filters', () => {
    const html = renderMailLogPage({
      ctx: anOwnerContext('en', 'ong', 'ONG', '/admin/o/ong/mail'),
      log: aLog([anEntry()], { total: 60, page: 2, pageSize: 25 }),
      filter: { status: 'sent', q: 'example.ml' },
    });
    expect(html).toContain('page 2 of 3');
    expect(html).toContain('href="/admin/o/ong/mail?status=sent&amp;q=example.ml&amp;lang=en">← Previous');
    expect(html).toContain('href="/admin/o/ong/mail?status=sent&amp;q=example.ml&amp;page=3&amp;lang=en">Next →');
    expect(html).toMatch(/<option value="sent" selected/);
  });
});
