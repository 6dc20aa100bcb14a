import { Check, Column, Entity, Generated, Index } from 'typeorm';
import { EventScopedEntity, TimestampColumn } from '@palabre/platform';
import type { OpportunityKind } from '../catalog/catalog';

/** A job, internship, training or call for projects a partner posts on the event's board. */
@Entity('partner_opportunities')
@Index(['eventId', 'closesAt'])
@Index(['partnerId'])
@Check('partner_opportunities_kind_known', `"kind" IN ('job', 'internship', 'training', 'call')`)
export class Opportunity extends EventScopedEntity {
  /** Its address on the board (`/e/{slug}/opportunites/{number}`). */
  @Column({ type: 'int', unique: true })
  @Generated('increment')
  number: number;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'text' })
  kind: OpportunityKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text' })
  region: string;

  @Column({ type: 'text', nullable: true })
  sector: string | null;

  /** The deadline's local date, as the partner typed it. */
  @Column({ type: 'date' })
  deadline: string;

  /** The end of the deadline's day in the event's time zone: the board shows it until then. */
  @TimestampColumn()
  closesAt: Date;

  @Column({ type: 'text' })
  howToApply: string;

  /** Whether participants may leave their contact for it. */
  @Column({ type: 'boolean', default: false })
  acceptsContacts: boolean;
}

/** A participant who left their contact for an opportunity, with the consent they gave. */
@Entity('opportunity_interests')
@Index(['opportunityId'])
export class OpportunityInterest extends EventScopedEntity {
  @Column({ type: 'uuid' })
  opportunityId: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  /** The words the person agreed to, as shown to them. */
  @Column({ type: 'text' })
  consentText: string;

  @TimestampColumn()
  consentedAt: Date;
}
