import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Clock, Localized } from '@palabre/platform';
import { CreateEventDto } from './event.dto';
import { Event, EventStatus } from './event.entity';
import { EventError } from './event.errors';

/** What the rest of Palabre sees of an event; the entity stays inside this lib. */
export interface EventView {
  id: string;
  organizationId: string;
  slug: string;
  acronym: string;
  title: Localized;
  description: Localized;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  colour: string;
  status: EventStatus;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  capacity: number | null;
  confirmEmail: boolean;
  holdHours: number;
}

@Injectable()
export class EventsService {
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    private readonly clock: Clock,
  ) {}

  async listPublished(): Promise<EventView[]> {
    const rows = await this.events.find({ where: { status: 'published' }, order: { startsAt: 'ASC' } });
    return rows.map(toEventView);
  }

  /** A published event by its slug; EVENT_NOT_FOUND for drafts and unknown slugs alike. */
  async getPublished(slug: string): Promise<EventView> {
    const e = await this.events.findOne({ where: { slug, status: 'published' } });
    if (!e) throw new EventError('EVENT_NOT_FOUND', { slug });
    return toEventView(e);
  }

  /** Every event of the organization, drafts and archives included (back office). */
  async listForOrganization(organizationId: string): Promise<EventView[]> {
    const rows = await this.events.find({ where: { organizationId }, order: { startsAt: 'DESC' } });
    return rows.map(toEventView);
  }

  async create(organizationId: string, dto: CreateEventDto, manager?: EntityManager): Promise<EventView> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (!(endsAt > startsAt)) {
      throw new EventError('INVALID_EVENT_DATES', {}, [{ field: 'endsAt', message: { fr: 'La fin doit suivre le début.', en: 'The end must come after the start.' } }]);
    }
    const repo = manager ? manager.getRepository(Event) : this.events;
    if (await repo.exists({ where: { slug: dto.slug } })) {
      throw new EventError('EVENT_SLUG_TAKEN', { slug: dto.slug }, [{ field: 'slug', message: { fr: 'Cette adresse est déjà prise.', en: 'This address is already taken.' } }]);
    }
    const saved = await repo.save(
      repo.create({
        organizationId,
        slug: dto.slug,
        acronym: dto.acronym ?? dto.slug,
        title: dto.title,
        description: dto.description ?? { fr: '' },
        startsAt,
        endsAt,
        timeZone: dto.timeZone,
        venueName: dto.venueName ?? '',
        venueAddress: dto.venueAddress ?? '',
        colour: dto.colour ?? '#0b6e4f',
        registrationOpensAt: dto.registrationOpensAt ? new Date(dto.registrationOpensAt) : null,
        registrationClosesAt: dto.registrationClosesAt ? new Date(dto.registrationClosesAt) : null,
        capacity: dto.capacity ?? null,
        confirmEmail: dto.confirmEmail ?? true,
        holdHours: dto.holdHours ?? 48,
      }),
    );
    return toEventView(saved);
  }

  async publish(organizationId: string, slug: string, manager?: EntityManager): Promise<EventView> {
    const repo = manager ? manager.getRepository(Event) : this.events;
    const e = await repo.findOne({ where: { slug, organizationId } });
    if (!e) throw new EventError('EVENT_NOT_FOUND', { slug });
    e.status = 'published';
    e.publishedAt ??= this.clock.now();
    return toEventView(await repo.save(e));
  }
}

export function toEventView(e: Event): EventView {
  return {
    id: e.id,
    organizationId: e.organizationId,
    slug: e.slug,
    acronym: e.acronym,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    venueName: e.venueName,
    venueAddress: e.venueAddress,
    colour: e.colour,
    status: e.status,
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    capacity: e.capacity,
    confirmEmail: e.confirmEmail,
    holdHours: e.holdHours,
  };
}
