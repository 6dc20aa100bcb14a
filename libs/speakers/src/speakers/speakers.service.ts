import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Localized } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { CreateSpeakerDto, UpdateSpeakerDto } from './speaker.dto';
import type { SpeakerPhoto } from '../photos/speaker-photo';
import { Speaker, SpeakerLink } from './speaker.entity';
import { SpeakerError } from './speaker.errors';
import { SpeakersRepository } from './speakers.repository';

/** A speaker as organizers see it, private contact details included. */
export interface SpeakerView {
  id: string;
  number: number;
  eventId: string;
  name: string;
  title: string;
  organization: string;
  bio: Localized;
  links: SpeakerLink[];
  languages: string[];
  /** Null until the speaker sends one. */
  photo: SpeakerPhoto | null;
  email: string | null;
  phone: string | null;
  locale: 'fr' | 'en';
  /** The user account the invitation linked, if any. */
  userId: string | null;
  /** When the last invitation was sent. */
  invitedAt: Date | null;
}

/** What the public sees of a profile besides its photo, as every view of it copies it (and nothing private). */
export function publicProfile(s: Pick<PublicSpeakerView, 'name' | 'title' | 'organization' | 'bio' | 'links' | 'languages'>) {
  return { name: s.name, title: s.title, organization: s.organization, bio: s.bio, links: s.links, languages: s.languages };
}

/** What anyone may see of a speaker: never the email or phone. */
export type PublicSpeakerView = Omit<SpeakerView, 'email' | 'phone' | 'locale' | 'eventId' | 'userId' | 'invitedAt' | 'photo'> & {
  /** Absent from releases made before photos existed. */
  photo?: SpeakerPhoto | null;
};

export function toPublicSpeaker(s: SpeakerView | PublicSpeakerView): PublicSpeakerView {
  return {
    id: s.id,
    number: s.number,
    ...publicProfile(s),
    // Releases made before photos existed have none.
    photo: s.photo ?? null,
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Speaker profiles of an event. Every query takes the organization (the tenant) and the
 * event; the one exception is the personal agenda link, where the secret token is the key.
 * Every write locks the event first and is refused on an archived one (EVENT_ARCHIVED), as
 * the program's sessions are.
 */
@Injectable()
export class SpeakersService {
  constructor(
    private readonly events: EventsService,
    private readonly speakers: SpeakersRepository,
  ) {}

  async list(organizationId: string, eventId: string, manager?: EntityManager): Promise<SpeakerView[]> {
    return (await this.speakers.list(organizationId, eventId, manager)).map(toSpeakerView);
  }

  async get(organizationId: string, eventId: string, id: string): Promise<SpeakerView> {
    return toSpeakerView(found(await this.speakers.find(organizationId, eventId, id)));
  }

  /** The signed-in speaker's own profiles (one per event they speak at), whatever the organization. */
  async listForUser(userId: string): Promise<SpeakerView[]> {
    return (await this.speakers.listByUser(userId)).map(toSpeakerView);
  }

  /**
   * Folds `removedId` into `keptId` inside the caller's transaction (a merge of two profiles of
   * one person): the kept profile fills its empty fields from the other's, gains its languages
   * and links, and the other is deleted. The caller moves the roles first.
   */
  async mergeProfiles(
    manager: EntityManager,
    organizationId: string,
    eventId: string,
    keptId: string,
    removedId: string,
  ): Promise<{ kept: SpeakerView; removed: SpeakerView }> {
    const kept = found(await this.speakers.find(organizationId, eventId, keptId, manager));
    const removed = found(await this.speakers.find(organizationId, eventId, removedId, manager));
    kept.title ||= removed.title;
    kept.organization ||= removed.organization;
    kept.bio = { fr: kept.bio.fr || removed.bio.fr, ...(kept.bio.en || removed.bio.en ? { en: kept.bio.en || removed.bio.en } : {}) };
    kept.languages = [...new Set([...kept.languages, ...removed.languages])].slice(0, 10);
    const urls = new Set(kept.links.map((l) => l.url));
    kept.links = [...kept.links, ...removed.links.filter((l) => !urls.has(l.url))].slice(0, 10);
    kept.phone ??= removed.phone;
    if (!kept.email && removed.email) {
      kept.email = removed.email;
      kept.userId = removed.userId;
      kept.invitedAt = removed.invitedAt;
    }
    kept.userId ??= kept.email === removed.email ? removed.userId : null;
    const removedView = toSpeakerView(removed);
    await this.speakers.delete(manager, organizationId, eventId, removed.id);
    return { kept: toSpeakerView(await this.speakers.save(manager, kept)), removed: removedView };
  }

  /** The speakers of the event among `ids` (unknown or foreign ids are simply absent). */
  async findByIds(organizationId: string, eventId: string, ids: string[], manager?: EntityManager): Promise<SpeakerView[]> {
    return (await this.speakers.findByIds(organizationId, eventId, ids, manager)).map(toSpeakerView);
  }

  async create(organizationId: string, eventId: string, dto: CreateSpeakerDto): Promise<SpeakerView> {
    return this.events.changeProgram(organizationId, eventId, async (manager) => {
      const saved = await this.speakers.save(manager, {
        organizationId,
        eventId,
        name: dto.name.trim(),
        title: dto.title?.trim() ?? '',
        organization: dto.organization?.trim() ?? '',
        bio: dto.bio ?? { fr: '' },
        links: (dto.links ?? []).map(toLink),
        languages: dto.languages ?? [],
        email: dto.email ? dto.email.trim().toLowerCase() : null,
        phone: dto.phone ?? null,
        locale: dto.locale ?? 'fr',
      });
      return toSpeakerView(saved);
    });
  }

  async update(organizationId: string, eventId: string, id: string, dto: UpdateSpeakerDto): Promise<SpeakerView> {
    return this.events.changeProgram(organizationId, eventId, async (manager) => {
      const s = found(await this.speakers.find(organizationId, eventId, id, manager));
      if (dto.name !== undefined) s.name = dto.name.trim();
      if (dto.title !== undefined) s.title = dto.title.trim();
      if (dto.organization !== undefined) s.organization = dto.organization.trim();
      if (dto.bio !== undefined) s.bio = dto.bio;
      if (dto.links !== undefined) s.links = dto.links.map(toLink);
      if (dto.languages !== undefined) s.languages = dto.languages;
      if (dto.email !== undefined) {
        const email = dto.email ? dto.email.trim().toLowerCase() : null;
        // The account link belongs to the address: a new address needs a new invitation.
        if (email !== s.email) s.userId = null;
        s.email = email;
      }
      if (dto.phone !== undefined) s.phone = dto.phone;
      if (dto.locale !== undefined) s.locale = dto.locale;
      return toSpeakerView(await this.speakers.save(manager, s));
    });
  }

  /**
   * A new secret for the speaker's personal agenda feed (128 bits); the previous link stops
   * working. Only its hash is kept, so the link is shown once, here.
   */
  async issueAgendaToken(organizationId: string, eventId: string, id: string): Promise<string> {
    return this.events.changeProgram(organizationId, eventId, async (manager) => {
      const s = found(await this.speakers.find(organizationId, eventId, id, manager));
      const token = randomBytes(16).toString('base64url');
      await this.speakers.update(manager, organizationId, s.id, { agendaTokenHash: sha256(token) });
      return token;
    });
  }

  /** The speaker whose agenda link this is; SPEAKER_NOT_FOUND for a wrong id or token alike. */
  async byAgendaToken(id: string, token: string): Promise<SpeakerView> {
    const s = await this.speakers.findById(id);
    const given = Buffer.from(sha256(token), 'hex');
    const stored = s?.agendaTokenHash ? Buffer.from(s.agendaTokenHash, 'hex') : null;
    if (!s || !stored || stored.length !== given.length || !timingSafeEqual(stored, given)) throw new SpeakerError('SPEAKER_NOT_FOUND');
    return toSpeakerView(s);
  }
}

function found(s: Speaker | null): Speaker {
  if (!s) throw new SpeakerError('SPEAKER_NOT_FOUND');
  return s;
}

function toLink(l: { url: string; title?: string }): SpeakerLink {
  return { url: l.url, ...(l.title ? { title: l.title } : {}) };
}

export function toSpeakerView(s: Speaker): SpeakerView {
  return {
    id: s.id,
    number: s.number,
    eventId: s.eventId,
    ...publicProfile(s),
    photo: s.photo,
    email: s.email,
    phone: s.phone,
    locale: s.locale,
    userId: s.userId,
    invitedAt: s.invitedAt,
  };
}
