import { Check, Column, Entity, Generated, Index } from 'typeorm';
import { BooleanColumn, EventScopedEntity, IntColumn, TextColumn, TimestampColumn, UuidColumn } from '@palabre/platform';
import type { OpportunityKind } from '../catalog/catalog';

/** A job, internship, training or call for projects a partner posts on the event's board. */
@Entity('partner_opportunities')
@Index(['eventId', 'closesAt'])
@Index(['partnerId'])
@Check('partner_opportunities_kind_known', `"kind" IN ('job', 'internship', 'training', 'call')`)
export class Opportunity extends EventScopedEntity {
  /** Its address on the board (`/e/{slug}/opportunites/{number}`). */
  @IntColumn({ unique: true }) @Generated('increment') number: number;
  @UuidColumn() partnerId: string;
  @TextColumn() kind: OpportunityKind;
  @TextColumn() title: string;
  @TextColumn({ default: '' }) description: string;
  @TextColumn() region: string;
  @TextColumn({ nullable: true }) sector: string | null;

  /** The deadline's local date, as the partner typed it. */
  @Column({ type: 'date' }) deadline: string;

  /** The end of the deadline's day in the event's time zone: the board shows it until then. */
  @TimestampColumn() closesAt: Date;
  @TextColumn() howToApply: string;

  /** Whether participants may leave their contact for it. */
  @BooleanColumn({ default: false }) acceptsContacts: boolean;
}

/** A participant who left their contact for an opportunity, with the consent they gave. */
@Entity('opportunity_interests')
@Index(['opportunityId'])
export class OpportunityInterest extends EventScopedEntity {
  @UuidColumn() opportunityId: string;
  @UuidColumn() partnerId: string;
  @TextColumn() name: string;
  @TextColumn({ nullable: true }) email: string | null;
  @TextColumn({ nullable: true }) phone: string | null;
  @TextColumn({ nullable: true }) message: string | null;

  /** The words the person agreed to, as shown to them. */
  @TextColumn() consentText: string;
  @TimestampColumn() consentedAt: Date;
}
