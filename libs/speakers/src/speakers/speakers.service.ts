import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Localized } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { CreateSpeakerDto, UpdateSpeakerDto } from './speaker.dto';
import { Speaker, SpeakerLink } from './speaker.entity';
import { SpeakerError } from './speaker.errors';

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
  email: string | null;
  phone: string | null;
  locale: 'fr' | 'en';
  /** The user account the invitation linked, if any. */
  userId: string | null;
  /** When the last invitation was sent. */
  invitedAt: Date | null;
}

/** What anyone may see of a speaker: never the email or phone. */
export type PublicSpeakerView = Omit<SpeakerView, 'email' | 'phone' | 'locale' | 'eventId' | 'userId' | 'invitedAt'>;

export function toPublicSpeaker(s: SpeakerView | PublicSpeakerView): PublicSpeakerView {
  return { id: s.id, number: s.number, name: s.name, title: s.title, organization: s.organization, bio: s.bio, links: s.links, languages: s.languages };
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
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    @InjectRepository(Speaker) private readonly speakers: Repository<Speaker>,
  ) {}

  async list(organizationId: string, eventId: string, manager?: EntityManager): Promise<SpeakerView[]> {
    const repo = manager ? manager.getRepository(Speaker) : this.speakers;
    const rows = await repo.find({ where: { organizationId, eventId }, order: { name: 'ASC' } });
    return rows.map(toSpeakerView);
  }

  async get(organizationId: string, eventId: string, id: string): Promise<SpeakerView> {
    return toSpeakerView(await this.find(organizationId, eventId, id));
  }

  /** The speakers of the event among `ids` (unknown or foreign ids are simply absent). */
  async findByIds(organizationId: string, eventId: string, ids: string[], manager?: EntityManager): Promise<SpeakerView[]> {
    if (ids.length === 0) return [];
    const repo = manager ? manager.getRepository(Speaker) : this.speakers;
    const rows = await repo.find({ where: { organizationId, eventId, id: In(ids) } });
    return rows.map(toSpeakerView);
  }

  async create(organizationId: string, eventId: string, dto: CreateSpeakerDto): Promise<SpeakerView> {
    return this.writing(organizationId, eventId, async (repo) => {
      const saved = await repo.save(
        repo.create({
          organizationId,
          eventId,
          name: dto.name.trim(),
          title: dto.title?.trim() ?? '',
          organization: dto.organization?.trim() ?? '',
          bio: dto.bio ?? { fr: '' },
          links: (dto.links ?? []).map((l) => ({ url: l.url, ...(l.title ? { title: l.title } : {}) })),
          languages: dto.languages ?? [],
          email: dto.email ? dto.email.trim().toLowerCase() : null,
          phone: dto.phone ?? null,
          locale: dto.locale ?? 'fr',
        }),
      );
      return toSpeakerView(saved);
    });
  }

  async update(organizationId: string, eventId: string, id: string, dto: UpdateSpeakerDto): Promise<SpeakerView> {
    return this.writing(organizationId, eventId, async (repo) => {
      const s = await this.find(organizationId, eventId, id, repo);
      if (dto.name !== undefined) s.name = dto.name.trim();
      if (dto.title !== undefined) s.title = dto.title.trim();
      if (dto.organization !== undefined) s.organization = dto.organization.trim();
      if (dto.bio !== undefined) s.bio = dto.bio;
      if (dto.links !== undefined) s.links = dto.links.map((l) => ({ url: l.url, ...(l.title ? { title: l.title } : {}) }));
      if (dto.languages !== undefined) s.languages = dto.languages;
      if (dto.email !== undefined) {
        const email = dto.email ? dto.email.trim().toLowerCase() : null;
        // The account link belongs to the address: a new address needs a new invitation.
        if (email !== s.email) s.userId = null;
        s.email = email;
      }
      if (dto.phone !== undefined) s.phone = dto.phone;
      if (dto.locale !== undefined) s.locale = dto.locale;
      return toSpeakerView(await repo.save(s));
    });
  }

  /**
   * A new secret for the speaker's personal agenda feed (128 bits); the previous link stops
   * working. Only its hash is kept, so the link is shown once, here.
   */
  async issueAgendaToken(organizationId: string, eventId: string, id: string): Promise<string> {
    return this.writing(organizationId, eventId, async (repo) => {
      const s = await this.find(organizationId, eventId, id, repo);
      const token = randomBytes(16).toString('base64url');
      await repo.update({ id: s.id, organizationId }, { agendaTokenHash: sha256(token) });
      return token;
    });
  }

  /** The speaker whose agenda link this is; SPEAKER_NOT_FOUND for a wrong id or token alike. */
  async byAgendaToken(id: string, token: string): Promise<SpeakerView> {
    const s = /^[0-9a-f-]{36}$/i.test(id) ? await this.speakers.findOne({ where: { id } }) : null;
    const given = Buffer.from(sha256(token), 'hex');
    const stored = s?.agendaTokenHash ? Buffer.from(s.agendaTokenHash, 'hex') : null;
    if (!s || !stored || stored.length !== given.length || !timingSafeEqual(stored, given)) throw new SpeakerError('SPEAKER_NOT_FOUND');
    return toSpeakerView(s);
  }

  /** A write in its own transaction, after the event's lock: refused on an archived event. */
  private writing<T>(organizationId: string, eventId: string, work: (repo: Repository<Speaker>) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await this.events.lockWritable(manager, organizationId, eventId);
      return work(manager.getRepository(Speaker));
    });
  }

  private async find(organizationId: string, eventId: string, id: string, repo: Repository<Speaker> = this.speakers): Promise<Speaker> {
    const s = await repo.findOne({ where: { id, organizationId, eventId } });
    if (!s) throw new SpeakerError('SPEAKER_NOT_FOUND');
    return s;
  }
}

export function toSpeakerView(s: Speaker): SpeakerView {
  return {
    id: s.id,
    number: s.number,
    eventId: s.eventId,
    name: s.name,
    title: s.title,
    organization: s.organization,
    bio: s.bio,
    links: s.links,
    languages: s.languages,
    email: s.email,
    phone: s.phone,
    locale: s.locale,
    userId: s.userId,
    invitedAt: s.invitedAt,
  };
}
