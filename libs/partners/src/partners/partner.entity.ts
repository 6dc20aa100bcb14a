import { Column, Entity, Index, Unique } from 'typeorm';
import { EventScopedEntity, LocalizedTextColumn, TimestampColumn, type Localized } from '@palabre/platform';

/** A stored logo: its content hash names its files (see partner-logo.ts). */
export interface PartnerLogo {
  hash: string;
}

/**
 * An organization taking part in an event as a partner, and its public profile. The row
 * belongs to the lead organization (`organizationId`, the tenant) and names the partner's
 * own organization (`partnerOrganizationId`): its members act for it on this event only.
 */
@Entity('partners')
@Unique('partners_event_organization', ['eventId', 'partnerOrganizationId'])
@Unique('partners_event_slug', ['eventId', 'slug'])
@Index(['partnerOrganizationId'])
export class Partner extends EventScopedEntity {
  @Column({ type: 'uuid' })
  partnerOrganizationId: string;

  /** The partner's address in the event's pages (`/e/{event}/partenaires/{slug}`): its organization's slug. */
  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  acronym: string | null;

  @LocalizedTextColumn({ emptyByDefault: true })
  mission: Localized;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  regions: string[];

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'jsonb', nullable: true })
  logo: PartnerLogo | null;

  @TimestampColumn()
  invitedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  invitedByUserId: string | null;
}
