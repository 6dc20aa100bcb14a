import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, Locale } from '@palabre/platform';
import { EventView } from '@palabre/events';
import { OutboxService, TemplateDataMap } from '@palabre/notifications';

type MailChange = TemplateDataMap['program.change']['changes'][number];
import { SpeakersService } from '@palabre/speakers';
import { SessionChange } from './changelog';
import { composeLetters, SpeakerContact, toMailChange } from './program-change-mail';
import { ProgramChangeRecipients } from './program-change-recipients';
import { ReleasedSession } from './snapshot';

/** What a release changed, for the people to tell: the release's number, and its sessions before and after. */
export interface ReleasedChanges {
  number: number;
  changelog: SessionChange[];
  previous: ReleasedSession[];
  next: ReleasedSession[];
}

/**
 * Tells the people a release concerns (the speakers on changed sessions, and the participants
 * the recipient providers name) by a program.change email each, written to the outbox in the
 * release's transaction: a release rolled back tells nobody.
 */
@Injectable()
export class ProgramChangeNotifier {
  constructor(
    private readonly config: AppConfig,
    private readonly speakers: SpeakersService,
    private readonly recipients: ProgramChangeRecipients,
    private readonly outbox: OutboxService,
  ) {}

  /** Queues one email per person concerned, deduplicated per release and address; answers how many were queued. */
  async notify(manager: EntityManager, event: EventView, { number, changelog, previous, next }: ReleasedChanges): Promise<number> {
    const concerned = new Set([...previous, ...next].flatMap((s) => s.people.map((p) => p.speakerId)));
    const speakers = new Map<string, SpeakerContact>(
      (await this.speakers.findByIds(event.organizationId, event.id, [...concerned], manager))
        .filter((s) => s.email)
        .map((s) => [s.id, { speakerId: s.id, email: s.email!, name: s.name, locale: s.locale }]),
    );
    const touched = [...new Set(changelog.map((c) => c.sessionId))];
    const participants = await this.recipients.collect(manager, event.id, touched);
    let queued = 0;
    for (const letter of composeLetters(changelog, previous, next, speakers, participants)) {
      const changes = letter.changes.map(toMailChange).filter((c) => c !== null);
      if (changes.length === 0) continue;
      if (!letter.email && letter.phone) {
        if (await this.text(manager, event, number, letter.phone, letter.locale, changes)) queued++;
        continue;
      }
      const written = await this.outbox.enqueue(manager, {
        to: letter.email,
        template: 'program.change',
        locale: letter.locale,
        dedupeKey: `release:${event.id}:${number}:${letter.email}`,
        organizationId: event.organizationId,
        eventId: event.id,
        data: {
          name: letter.name,
          eventTitle: event.title,
          eventSlug: event.slug,
          timeZone: event.timeZone,
          releaseNumber: number,
          link: `${this.config.publicUrl}/e/${event.slug}`,
          changes,
        },
      });
      if (written) queued++;
    }
    return queued;
  }

  /** The SMS of a participant without email: their workshops that moved, changed room or were cancelled. */
  private async text(manager: EntityManager, event: EventView, number: number, phone: string, locale: Locale, changes: MailChange[]): Promise<boolean> {
    const forParticipants = changes.filter((c): c is MailChange & { kind: 'moved' | 'cancelled' | 'room-changed' } =>
      ['moved', 'cancelled', 'room-changed'].includes(c.kind),
    );
    if (forParticipants.length === 0) return false;
    const { queued } = await this.outbox.enqueueSms(manager, {
      to: phone,
      template: 'sms.program-change',
      locale,
      dedupeKey: `release:${event.id}:${number}:${phone}`,
      organizationId: event.organizationId,
      eventId: event.id,
      data: {
        event: event.title,
        timeZone: event.timeZone,
        link: `${this.config.publicUrl}/e/${event.slug}/programme`,
        changes: forParticipants.map((c) => ({ session: c.sessionTitle, kind: c.kind, startsAt: c.after?.startsAt, room: c.after?.room })),
      },
    });
    return queued;
  }
}
