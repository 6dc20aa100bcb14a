import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, AuditLog, Clock, Locale } from '@palabre/platform';
import { EventView } from '@palabre/events';
import { MembersService, OrganizationsService, slugify } from '@palabre/identity';
import { OutboxService } from '@palabre/notifications';
import { PartnerError } from '../partners.errors';
import { InvitePartnerDto } from './partner.dto';
import { PartnersRepository } from './partners.repository';
import { PartnersService, PartnerView, toPartnerView } from './partners.service';

export interface PartnerInvitation {
  partner: PartnerView;
  /** `created`: a new organization, whose first owner the invitee becomes; `existing`: its owners were told. */
  organization: 'created' | 'existing';
}

/** Who invites: the lead organizer, in their organization. */
export interface LeadActor {
  userId: string;
  organizationName: string;
}

/**
 * Inviting an organization as a partner of an event, in one transaction: the organization
 * (found by its name, or created), the partner row with an empty profile, the event's default
 * indicators, and the email. A new organization's invitee gets a member invitation as its
 * owner (their link signs them in); an existing organization's owners are told, since nobody
 * outside an organization may add people to it.
 */
@Injectable()
export class InvitePartner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly members: MembersService,
    private readonly partners: PartnersRepository,
    private readonly service: PartnersService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(event: EventView, by: LeadActor & { userId: string }, dto: InvitePartnerDto, locale: Locale): Promise<PartnerInvitation> {
    const name = dto.name.trim();
    // Read before the transaction (a query outside it would wait for it on the embedded database).
    const existing = await this.organizations.findBySlug(slugify(name));
    const owners = existing ? await this.members.ownerEmails(existing.id) : [];
    return this.dataSource.transaction(async (manager) => {
      await this.service.ensureIndicators(manager, event);
      const organization = await this.organizations.findOrCreate(name, manager);
      if (organization.id === event.organizationId) {
        throw new PartnerError('OWN_ORGANIZATION', {}, [
          { field: 'name', message: { fr: "C'est l'organisation de l'événement.", en: "It is the event's organization." } },
        ]);
      }
      if (await this.partners.findByPartnerOrganization(event.id, organization.id, manager)) {
        throw new PartnerError('ALREADY_PARTNER', { name: organization.name }, [
          { field: 'name', message: { fr: 'Déjà partenaire de cet événement.', en: 'Already a partner of this event.' } },
        ]);
      }
      const partner = await this.partners.save(manager, {
        organizationId: event.organizationId,
        eventId: event.id,
        partnerOrganizationId: organization.id,
        slug: organization.slug,
        name: organization.name,
        acronym: dto.acronym?.trim() || null,
        invitedAt: this.clock.now(),
        invitedByUserId: by.userId,
      });
      const invitation = await this.members.inviteFirstOwner(manager, organization.id, { email: dto.email, invitedByUserId: by.userId });
      const areaLink = `${this.config.publicUrl}/admin/o/${organization.slug}/partenariats/${event.slug}`;
      const recipients = invitation ? [dto.email] : owners;
      for (const to of recipients) {
        await this.outbox.enqueue(manager, {
          to,
          template: 'partner.invitation',
          locale,
          data: {
            partnerName: organization.name,
            leadName: by.organizationName,
            eventTitle: event.title,
            link: invitation?.link ?? areaLink,
            expiresInHours: invitation ? Math.round((invitation.invitation.expiresAt.getTime() - invitation.invitation.createdAt.getTime()) / 3600_000) : null,
          },
          dedupeKey: `partner-invitation:${partner.id}:${to}`,
          organizationId: event.organizationId,
          eventId: event.id,
        });
      }
      await this.audit.record(manager, {
        organizationId: event.organizationId,
        actorUserId: by.userId,
        action: 'partner.invited',
        entityType: 'partner',
        entityId: partner.id,
        changes: { organization: organization.slug, created: invitation !== null },
      });
      return { partner: toPartnerView(partner), organization: invitation ? 'created' : 'existing' };
    });
  }
}
