import ICAL from 'ical.js';
import { loadConfig, Locale } from '@palabre/platform';
import { MailRenderer, MailRenderError, RenderableMessage } from './mail-renderer';
import { everyTemplateInEveryLocale, templateExamples } from './template-examples';
import type { TemplateDataMap, TemplateName } from './template-data';
import { TEMPLATES } from './templates';

const BASE = 'https://forum.example.org';
const renderer = new MailRenderer(loadConfig({ PUBLIC_URL: BASE }));
const examples = templateExamples(BASE);
const NAMES = Object.keys(TEMPLATES) as TemplateName[];

function message<T extends TemplateName>(template: T, locale: Locale, data: TemplateDataMap[T] = examples[template]): RenderableMessage {
  return { template, locale, data, recipient: 'awa@example.ml', messageId: '<m-1@forum.example.org>', createdAt: new Date('2025-05-01T10:00:00Z') };
}

describe('mail templates', () => {
  it.each(everyTemplateInEveryLocale())('%s renders in %s with HTML, text and working absolute links', (name, locale) => {
    const mail = renderer.render(message(name, locale));
    expect(mail.subject.length).toBeGreaterThan(10);
    expect(mail.html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}">`));
    expect(mail.links!.length).toBeGreaterThan(0);
    for (const link of mail.links!) {
      expect(link).toMatch(/^https?:\/\//);
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    }
    expect(mail.messageId).toBe('<m-1@forum.example.org>');
  });

  it('writes French and English differently, French by default', () => {
    for (const name of NAMES) {
      const fr = renderer.render(message(name, 'fr'));
      const en = renderer.render(message(name, 'en'));
      expect(fr.subject).not.toBe(en.subject);
      expect(fr.text).toMatch(/Bonjour|Vous recevez|Si vous/);
      expect(en.text).toMatch(/Hello|You receive|If you/);
      // An unknown locale falls back to French rather than failing.
      expect(renderer.render({ ...message(name, 'fr'), locale: 'xx' }).subject).toBe(fr.subject);
    }
  });

  it('gives every purpose its own subject, and a confirmation never reads like an acknowledgement', () => {
    for (const locale of ['fr', 'en'] as const) {
      const subjects = NAMES.map((n) => renderer.render(message(n, locale)).subject);
      expect(new Set(subjects).size).toBe(NAMES.length);
    }
    const ack = renderer.render(message('registration.check-email', 'fr')).subject;
    const confirmed = renderer.render(message('registration.confirmed', 'fr')).subject;
    expect(ack).toMatch(/^Action requise : confirmez/);
    expect(ack).not.toMatch(/confirmée/);
    expect(confirmed).toMatch(/^Inscription confirmée : Forum Job Cluster 2025$/);
    expect(renderer.render(message('registration.waitlisted', 'en')).subject).toBe('Waiting list: Job Cluster Forum 2025 (position 12)');
  });

  it('names the event in every message about one', () => {
    for (const name of NAMES.filter((n) => n !== 'auth.magic-link' && n !== 'member.invitation')) {
      expect(renderer.render(message(name, 'fr')).html).toContain('Forum Job Cluster 2025');
      expect(renderer.render(message(name, 'en')).text).toContain('Job Cluster Forum 2025');
    }
  });

  it('escapes whatever users typed, in the HTML part of every template', () => {
    const evil = '<script>alert(1)</script>';
    const title = { fr: `Forum <img src=x onerror=alert(1)> "&"`, en: `Forum ${evil}` };
    const data: { [K in TemplateName]: TemplateDataMap[K] } = {
      ...examples,
      'auth.magic-link': { ...examples['auth.magic-link'], name: evil },
      'member.invitation': { ...examples['member.invitation'], organizationName: evil, inviterName: evil, role: evil },
      'partner.invitation': { ...examples['partner.invitation'], partnerName: evil, leadName: evil, eventTitle: title },
      'speaker.invitation': { ...examples['speaker.invitation'], speakerName: evil, organizationName: evil, eventTitle: title },
      'speaker.reminder': {
        ...examples['speaker.reminder'],
        speakerName: evil,
        eventTitle: title,
        sessions: [{ ...examples['speaker.reminder'].sessions[0], title: { fr: evil } }],
      },
      'speaker.answers': {
        ...examples['speaker.answers'],
        eventTitle: title,
        answers: [{ speakerName: evil, sessionTitle: { fr: evil }, startsAt: '2025-06-12T10:00:00.000Z', answer: 'declined', note: evil }],
      },
      'program.change': {
        ...examples['program.change'],
        name: evil,
        eventTitle: title,
        changes: [{ sessionTitle: { fr: evil }, kind: 'room-changed', before: { room: evil }, after: { room: evil } }],
      },
      'registration.check-email': { ...examples['registration.check-email'], firstName: evil, eventTitle: title },
      'registration.confirmed': {
        ...examples['registration.confirmed'],
        firstName: evil,
        eventTitle: title,
        venueName: evil,
        reference: evil,
        ticketCode: evil,
      },
      'registration.waitlisted': { ...examples['registration.waitlisted'], firstName: evil, eventTitle: title, venueName: evil },
      'registration.promoted': { ...examples['registration.promoted'], firstName: evil, eventTitle: title, venueName: evil },
      'registration.cancelled': { ...examples['registration.cancelled'], firstName: evil, eventTitle: title, venueName: evil },
      'registration.hold-expired': { ...examples['registration.hold-expired'], firstName: evil, eventTitle: title, venueName: evil },
      'registration.reminder': { ...examples['registration.reminder'], firstName: evil, eventTitle: title, venueName: evil },
      'registration.workshops': {
        ...examples['registration.workshops'],
        firstName: evil,
        eventTitle: title,
        reason: 'seat-freed',
        freedWorkshop: { fr: evil },
        workshops: examples['registration.workshops'].workshops.map((w) => ({ ...w, title: { fr: evil }, room: evil })),
      },
    };
    for (const name of NAMES) {
      for (const locale of ['fr', 'en'] as const) {
        const mail = renderer.render(message(name, locale, data[name] as never));
        expect(mail.html).not.toContain('<script');
        expect(mail.html).not.toContain('<img');
        expect(mail.html).toContain('&lt;');
        // The plain-text part carries the words as typed: it is never interpreted as HTML.
        expect(mail.text).toMatch(/<script>|<img/);
      }
    }
  });

  it('keeps the subject on one line whatever the name holds', () => {
    const mail = renderer.render(message('member.invitation', 'fr', { ...examples['member.invitation'], inviterName: 'Eve\r\nBcc: victim@example.org' }));
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('Eve Bcc: victim@example.org vous invite');
  });

  it("shows dates in the event's time zone", () => {
    const data = { ...examples['registration.confirmed'], timeZone: 'Asia/Tokyo', startsAt: '2025-06-12T08:30:00.000Z', endsAt: '2025-06-12T10:00:00.000Z' };
    const fr = renderer.render(message('registration.confirmed', 'fr', data));
    const day = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'Asia/Tokyo' }).format(new Date(data.startsAt));
    expect(fr.text).toContain(`${day} 12 juin 2025, 17:30`);
    expect(fr.text).toContain('19:00 (heure de Tokyo)');
    const en = renderer.render(
      message('registration.reminder', 'en', { ...examples['registration.reminder'], timeZone: 'America/Los_Angeles', startsAt: '2025-06-12T03:00:00.000Z' }),
    );
    expect(en.subject).toBe('Reminder: Job Cluster Forum 2025 starts on Wednesday 11 June');
    expect(en.text).toContain('Los Angeles time');
  });

  it('refuses a link that is not an absolute http(s) URL, and an unknown template', () => {
    expect(() => renderer.render(message('auth.magic-link', 'fr', { ...examples['auth.magic-link'], link: 'javascript:alert(1)' }))).toThrow(MailRenderError);
    expect(() => renderer.render(message('auth.magic-link', 'fr', { ...examples['auth.magic-link'], link: '/auth/magic/x' }))).toThrow(MailRenderError);
    expect(() => renderer.render({ ...message('auth.magic-link', 'fr'), template: 'no.such' })).toThrow(/unknown template/);
    expect(() => renderer.render({ ...message('registration.confirmed', 'fr'), data: { firstName: 'Awa' } })).toThrow(MailRenderError);
  });
});

describe('the calendar attachment', () => {
  const ics = (name: 'registration.confirmed' | 'registration.promoted', locale: Locale, data = examples[name]) => {
    const mail = renderer.render(message(name, locale, data));
    expect(mail.attachments).toHaveLength(1);
    const [a] = mail.attachments!;
    expect(a.contentType).toMatch(/^text\/calendar/);
    expect(a.filename).toBe('job-cluster-2025.ics');
    return String(a.content);
  };

  it('comes with confirmed and promoted registrations only', () => {
    for (const name of NAMES) {
      const mail = renderer.render(message(name, 'fr'));
      expect((mail.attachments ?? []).length).toBe(name === 'registration.confirmed' || name === 'registration.promoted' ? 1 : 0);
    }
  });

  it('is RFC 5545: CRLF line endings, folded at 75 octets, times in UTC, parsable', () => {
    const text = ics('registration.confirmed', 'fr');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('DTSTART:20250612T083000Z\r\n');
    expect(text).toContain('DTEND:20250613T170000Z\r\n');
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe('Forum Job Cluster 2025');
    expect(event.location).toBe('Centre international de conférences de Bamako');
    expect(event.startDate.toJSDate().toISOString()).toBe('2025-06-12T08:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2025-06-13T17:00:00.000Z');
    expect(event.description).toContain(examples['registration.confirmed'].manageLink);
  });

  it('has a stable UID: the same for a resend and for the promotion of the same registration', () => {
    const uid = (s: string) => /\r\nUID:([^\r]+)\r\n/.exec(s)![1];
    const first = ics('registration.confirmed', 'fr');
    expect(uid(first)).toBe('registration-JC25-7K3Q@forum.example.org');
    expect(ics('registration.confirmed', 'fr')).toBe(first);
    expect(uid(ics('registration.promoted', 'en'))).toBe(uid(first));
  });

  it('escapes text values: commas, semicolons, backslashes and line breaks', () => {
    const text = ics('registration.confirmed', 'en', {
      ...examples['registration.confirmed'],
      eventTitle: { fr: 'x', en: 'Forum; jobs, skills \\ more\nline two' },
      venueName: 'Hall A, Bamako; <b>',
    });
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY;LANGUAGE=en:Forum\\; jobs\\, skills \\\\ more\\nline two\r\n');
    expect(unfolded).toContain('LOCATION:Hall A\\, Bamako\\; <b>\r\n');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Forum; jobs, skills \\ more\nline two');
  });

  it('folds long lines without cutting a UTF-8 character', () => {
    const text = ics('registration.confirmed', 'fr', { ...examples['registration.confirmed'], venueName: 'é'.repeat(100) });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.location).toBe('é'.repeat(100));
  });
});
