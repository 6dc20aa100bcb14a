import { Entity, Index, Unique } from 'typeorm';
import { EventScopedEntity, JsonColumn, LocalizedTextColumn, TextColumn, TimestampColumn, UuidColumn, type Localized } from '@palabre/platform';

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
  @UuidColumn() partnerOrganizationId: string;

  /** The partner's address in the event's pages (`/e/{event}/partenaires/{slug}`): its organization's slug. */
  @TextColumn() slug: string;
  @TextColumn() name: string;
  @TextColumn({ nullable: true }) acronym: string | null;
  @LocalizedTextColumn({ emptyByDefault: true }) mission: Localized;
  @TextColumn({ array: true, default: () => "'{}'" }) sectors: string[];
  @TextColumn({ array: true, default: () => "'{}'" }) regions: string[];
  @TextColumn({ nullable: true }) website: string | null;
  @TextColumn({ nullable: true }) contactEmail: string | null;
  @TextColumn({ nullable: true }) contactPhone: string | null;
  @JsonColumn({ nullable: true }) logo: PartnerLogo | null;
  @TimestampColumn() invitedAt: Date;
  @UuidColumn({ nullable: true }) invitedByUserId: string | null;
}
