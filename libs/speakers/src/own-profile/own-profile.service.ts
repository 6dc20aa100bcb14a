import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLog, FileStorage } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { processPhoto } from '../photos/speaker-photo';
import { UpdateOwnProfileDto } from '../speakers/speaker.dto';
import { Speaker } from '../speakers/speaker.entity';
import { SpeakerError } from '../speakers/speaker.errors';
import { SpeakersRepository } from '../speakers/speakers.repository';
import { SpeakerView, toSpeakerView } from '../speakers/speakers.service';

/** A speaker's own profile at one event. */
export interface OwnProfile {
  speaker: SpeakerView;
  event: EventView;
}

/** The public fields a speaker edits, as the audit entry names them. */
const OWN_FIELDS = ['name', 'title', 'organization', 'bio', 'links', 'languages'] as const;

/**
 * The signed-in speaker's own profiles: one per event they were invited to, found by the user
 * account the invitation linked — never by an id the caller gives, so a speaker reaches no
 * other profile. Each change locks the event like the organizers' edits (EVENT_ARCHIVED on an
 * archived one) and leaves an audit entry for the organizers.
 */
@Injectable()
export class OwnProfileService {
  constructor(
    private readonly speakers: SpeakersRepository,
    private readonly events: EventsService,
    private readonly audit: AuditLog,
    private readonly storage: FileStorage,
  ) {}

  /** Whether any profile is linked to the account (one indexed lookup). */
  async hasAny(userId: string): Promise<boolean> {
    return this.speakers.existsForUser(userId);
  }

  /** Every profile linked to the account, with its event, soonest event first. */
  async list(userId: string): Promise<OwnProfile[]> {
    const rows = await this.speakers.listByUser(userId);
    const profiles = await Promise.all(rows.map(async (s) => ({ speaker: toSpeakerView(s), event: await this.events.getById(s.eventId) })));
    return profiles.sort((a, b) => a.event.startsAt.getTime() - b.event.startsAt.getTime());
  }

  /**
   * The profile at the event of that slug; without a slug, the only one. SPEAKER_PROFILE_NOT_FOUND
   * when there is none (or none at that event), SPEAKER_EVENT_REQUIRED when there are several.
   */
  async get(userId: string, eventSlug?: string): Promise<OwnProfile> {
    const profiles = await this.list(userId);
    if (eventSlug) {
      const chosen = profiles.find((p) => p.event.slug === eventSlug);
      if (!chosen) throw new SpeakerError('SPEAKER_PROFILE_NOT_FOUND');
      return chosen;
    }
    if (profiles.length === 0) throw new SpeakerError('SPEAKER_PROFILE_NOT_FOUND');
    if (profiles.length > 1) {
      throw new SpeakerError('SPEAKER_EVENT_REQUIRED', {}, [
        { field: 'event', message: { fr: `Un de : ${slugs(profiles)}.`, en: `One of: ${slugs(profiles)}.` } },
      ]);
    }
    return profiles[0];
  }

  async update(userId: string, eventSlug: string | undefined, dto: UpdateOwnProfileDto): Promise<OwnProfile> {
    const { speaker, event } = await this.get(userId, eventSlug);
    return this.change(userId, speaker, event, 'speaker.profile-updated', (s) => {
      if (dto.name !== undefined) s.name = dto.name.trim();
      if (dto.title !== undefined) s.title = dto.title.trim();
      if (dto.organization !== undefined) s.organization = dto.organization.trim();
      if (dto.bio !== undefined) s.bio = dto.bio;
      if (dto.links !== undefined) s.links = dto.links.map((l) => ({ url: l.url, ...(l.title ? { title: l.title } : {}) }));
      if (dto.languages !== undefined) s.languages = [...new Set(dto.languages)];
    });
  }

  /**
   * A new photo: checked and resized first (no transaction is open while the image is
   * processed), its files stored under names made of its hash, then the profile points to
   * them. The previous photo's files stay: the latest release may still show them.
   */
  async setPhoto(userId: string, eventSlug: string | undefined, bytes: Buffer): Promise<OwnProfile> {
    const { speaker, event } = await this.get(userId, eventSlug);
    const { photo, files } = await processPhoto(bytes);
    for (const [key, file] of files) await this.storage.put(key, file);
    return this.change(userId, speaker, event, 'speaker.photo-updated', (s) => {
      s.photo = photo;
    });
  }

  private async change(userId: string, speaker: SpeakerView, event: EventView, action: string, apply: (s: Speaker) => void): Promise<OwnProfile> {
    return this.events.changeProgram(event.organizationId, event.id, async (manager: EntityManager, fresh) => {
      const s = await this.speakers.findOwn(userId, speaker.id, manager);
      if (!s) throw new SpeakerError('SPEAKER_PROFILE_NOT_FOUND');
      const before = toSpeakerView(s);
      apply(s);
      const saved = toSpeakerView(await this.speakers.save(manager, s));
      const changes = changedFields(before, saved);
      if (Object.keys(changes).length > 0) {
        await this.audit.record(manager, {
          organizationId: event.organizationId,
          actorUserId: userId,
          action,
          entityType: 'speaker',
          entityId: speaker.id,
          changes,
        });
      }
      return { speaker: saved, event: fresh };
    });
  }
}

/** The public fields that changed, with their new value (a photo by its hash). */
function changedFields(before: SpeakerView, after: SpeakerView): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const f of OWN_FIELDS) if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) changes[f] = after[f];
  if (before.photo?.hash !== after.photo?.hash) changes.photo = after.photo?.hash ?? null;
  return changes;
}

const slugs = (profiles: OwnProfile[]) => profiles.map((p) => p.event.slug).join(', ');
