import { Injectable } from '@nestjs/common';
import { Actor, AuditLog, Clock, requirePermission } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { MagicLinksService, UsersService } from '@palabre/identity';
import { OutboxService } from '@palabre/notifications';
import { SpeakerError } from '../speakers/speaker.errors';
import { SpeakersRepository } from '../speakers/speakers.repository';

/** How long the emailed sign-in link of an invitation works (an email may wait a weekend). */
export const SPEAKER_INVITATION_TTL_HOURS = 72;

export interface SpeakerInvitation {
  speakerId: string;
  email: string;
  /** False when the speaker was already invited today: no second email, no second link. */
  queued: boolean;
  /** Until when the emailed link signs in (null when nothing was queued). */
  expiresAt: Date | null;
}

/**
 * Inviting a speaker: their user account is found or created by their email and linked to
 * the profile, and a single-use sign-in link (identity's, 256 bits, stored hashed) is emailed
 * with the `speaker.invitation` template — all in one transaction, so a rollback sends
 * nothing. One invitation email per speaker and day (the outbox's dedupe key).
 */
@Injectable()
export class InviteSpeaker {
  constructor(
    private readonly speakers: SpeakersRepository,
    private readonly events: EventsService,
    private readonly users: UsersService,
    private readonly links: MagicLinksService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * SPEAKER_NOT_FOUND when the speaker is unknown, outside the caller's organizations or
   * (with `within`) of another event; FORBIDDEN without `speakers:write` in its organization.
   */
  async execute(actor: Actor, speakerId: string, within?: { eventId: string }): Promise<SpeakerInvitation> {
    const speaker = await this.speakers.findById(speakerId);
    const membership = speaker ? actor.memberships.find((m) => m.organizationId === speaker.organizationId) : undefined;
    if (!speaker || !membership || (within && within.eventId !== speaker.eventId)) throw new SpeakerError('SPEAKER_NOT_FOUND');
    requirePermission(actor, speaker.organizationId, 'speakers:write');
    const email = speaker.email;
    if (!email) {
      throw new SpeakerError('SPEAKER_EMAIL_MISSING', { name: speaker.name }, [
        { field: 'email', message: { fr: 'Ajoutez une adresse e-mail pour inviter.', en: 'Add an email address to invite.' } },
      ]);
    }
    const event = await this.events.getById(speaker.eventId);
    const now = this.clock.now();
    // An archived event is read-only: no account linked, no link issued, no email.
    return this.events.changeProgram(speaker.organizationId, speaker.eventId, async (manager) => {
      const user = await this.users.findOrCreate(email, speaker.name, manager, speaker.locale);
      const issued = await this.links.issue(manager, user.id, SPEAKER_INVITATION_TTL_HOURS * 60);
      const queued = await this.outbox.enqueue(manager, {
        to: email,
        template: 'speaker.invitation',
        locale: speaker.locale,
        data: {
          speakerName: speaker.name,
          organizationName: membership.organizationName,
          eventTitle: event.title,
          link: issued.link,
          expiresInHours: SPEAKER_INVITATION_TTL_HOURS,
        },
        // One a day: a double click, or an impatient organizer, does not flood the speaker.
        dedupeKey: `speaker-invitation:${speaker.id}:${now.toISOString().slice(0, 10)}`,
        organizationId: speaker.organizationId,
        eventId: speaker.eventId,
      });
      // Today's email already carries a working link: this one would never be sent.
      if (!queued) await this.links.discard(manager, issued.secret);
      await this.speakers.update(manager, speaker.organizationId, speaker.id, { userId: user.id, ...(queued ? { invitedAt: now } : {}) });
      if (queued) {
        await this.audit.record(manager, {
          organizationId: speaker.organizationId,
          actorUserId: actor.userId,
          action: 'speaker.invited',
          entityType: 'speaker',
          entityId: speaker.id,
          changes: { email },
        });
      }
      return { speakerId: speaker.id, email, queued, expiresAt: queued ? issued.expiresAt : null };
    });
  }
}
