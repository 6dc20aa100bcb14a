import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLog } from '@palabre/platform';
import { EventView } from '@palabre/events';
import { PublishedProgramService, ReleasedSession, SessionsService, SessionView } from '@palabre/program';
import { ProposeSessionDto } from './proposal.dto';
import { PartnersRepository } from '../partners/partners.repository';
import { PartnerActor, PartnerArea } from '../partners/partners.service';

/**
 * Co-organization: a partner's members propose sessions for their organization. Each is a
 * draft of the event's working programme (the program's own rules apply: within the event's
 * days, no room yet), linked to its partner in the same transaction; the lead places, edits
 * and publishes it through the program's release flow like any other session.
 */
@Injectable()
export class PartnerSessionsService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly published: PublishedProgramService,
    private readonly partners: PartnersRepository,
    private readonly audit: AuditLog,
  ) {}

  async propose(area: PartnerArea, by: PartnerActor, dto: ProposeSessionDto): Promise<SessionView> {
    const { event, partner } = area;
    return this.sessions.create(
      event,
      {
        title: dto.title,
        abstract: dto.abstract,
        type: dto.type,
        startsAt: dto.startsAt,
        endsAt: dto.endsAt,
        language: dto.language,
        roomId: null,
        status: 'draft',
        people: [],
      },
      async (manager: EntityManager, sessionId: string) => {
        await this.partners.linkSession(manager, { organizationId: event.organizationId, eventId: event.id, partnerId: partner.id, sessionId });
        await this.audit.record(manager, {
          organizationId: event.organizationId,
          actorUserId: by.userId,
          action: 'partner.session-proposed',
          entityType: 'session',
          entityId: sessionId,
          changes: { partner: partner.slug },
        });
      },
    );
  }

  /** The partner's sessions in the working draft, as they stand (the lead may have placed or published them). */
  async ofPartner(area: PartnerArea): Promise<SessionView[]> {
    const ids = new Set(await this.partners.sessionIds(area.event.organizationId, area.event.id, area.partner.id));
    return ids.size ? (await this.sessions.list(area.event)).filter((s) => ids.has(s.id)) : [];
  }

  /** The partner's sessions in the latest release (its public page). */
  async released(event: EventView, partnerId: string): Promise<ReleasedSession[]> {
    const ids = new Set(await this.partners.sessionIds(event.organizationId, event.id, partnerId));
    return ids.size ? (await this.published.sessions(event.id)).filter((s) => ids.has(s.id) && s.status !== 'cancelled') : [];
  }
}
