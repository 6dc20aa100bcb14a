import { Check, Column, Entity, Index } from 'typeorm';
import { EventScopedEntity, Localized, LocalizedTextColumn, TimestampColumn } from '@palabre/platform';

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** The statuses of a registration that still counts: one per person and event among these. */
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted'];

/** One participant of one event: who, how to reach them, their answers and where they stand. */
@Entity('registrations')
@Check('registrations_status_known', `"status" IN ('pending', 'confirmed', 'waitlisted', 'cancelled', 'expired')`)
@Check('registrations_seat_by_status', `NOT "holds_seat" OR "status" IN ('pending', 'confirmed')`)
@Check('registrations_waitlist_by_status', `("status" = 'waitlisted') = ("waitlist_seq" IS NOT NULL)`)
@Index('registrations_email_once', { synchronize: false })
@Index('registrations_phone_once', { synchronize: false })
@Index('registrations_holds_due', { synchronize: false })
@Index('registrations_roster', { synchronize: false })
@Index(['eventId', 'status', 'waitlistSeq'])
@Index(['organizationId', 'eventId', 'createdAt'])
export class Registration extends EventScopedEntity {
  /** Short, readable, unique: what the participant quotes and the desk types. */
  @Column({ type: 'text', unique: true })
  reference: string;

  @Column({ type: 'text' })
  status: RegistrationStatus;

  /** Whether a seat of the event is taken by this registration (confirmed, or pending with a hold). */
  @Column({ type: 'boolean', default: false })
  holdsSeat: boolean;

  /** A pending registration's seat is released at this instant unless confirmed. */
  @TimestampColumn({ nullable: true })
  holdExpiresAt: Date | null;

  /** Order on the waiting list (first come, first served); the position is its rank among those waiting. */
  @Column({ type: 'bigint', nullable: true })
  waitlistSeq: string | null;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  /** Lower-cased; null for a desk registration without one. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** E.164. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', default: '' })
  organization: string;

  @Column({ type: 'text', nullable: true })
  organizationType: string | null;

  @Column({ type: 'text', nullable: true })
  gender: string | null;

  @Column({ type: 'text', nullable: true })
  ageGroup: string | null;

  @Column({ type: 'text', nullable: true })
  region: string | null;

  /** By question id: a string, a number, a boolean or a list of choices. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  answers: Record<string, unknown>;

  @Column({ type: 'text', default: 'fr' })
  locale: string;

  /** The consent text the participant agreed to, as it read then. */
  @LocalizedTextColumn({ nullable: true })
  consentText: Localized | null;

  @TimestampColumn({ nullable: true })
  consentedAt: Date | null;

  @TimestampColumn({ nullable: true })
  confirmedAt: Date | null;

  @TimestampColumn({ nullable: true })
  cancelledAt: Date | null;

  /** Shown at the door (QR); distinct from the manage token, which is never stored in clear. */
  @Column({ type: 'text', unique: true })
  ticketCode: string;

  /** `online` (the public form or API) or `desk` (added by an organizer). */
  @Column({ type: 'text', default: 'online' })
  source: string;

  /** Set by a trigger from a sequence on every write: the desks' offline roster asks for what changed since a version. */
  @Column({ type: 'bigint', default: 0 })
  rosterVersion: string;

  /** Personal data erased (by the participant, or the organizer after the event); the categories stay for the figures. */
  @TimestampColumn({ nullable: true })
  erasedAt: Date | null;
}
