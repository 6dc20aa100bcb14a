import { Check, Entity, Index } from 'typeorm';
import { BigIntColumn, BooleanColumn, EventScopedEntity, JsonColumn, Localized, LocalizedTextColumn, TextColumn, TimestampColumn } from '@palabre/platform';

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
  @TextColumn({ unique: true }) reference: string;
  @TextColumn() status: RegistrationStatus;

  /** Whether a seat of the event is taken by this registration (confirmed, or pending with a hold). */
  @BooleanColumn({ default: false }) holdsSeat: boolean;

  /** A pending registration's seat is released at this instant unless confirmed. */
  @TimestampColumn({ nullable: true }) holdExpiresAt: Date | null;

  /** Order on the waiting list (first come, first served); the position is its rank among those waiting. */
  @BigIntColumn({ nullable: true }) waitlistSeq: string | null;
  @TextColumn() firstName: string;
  @TextColumn() lastName: string;

  /** Lower-cased; null for a desk registration without one. */
  @TextColumn({ nullable: true }) email: string | null;

  /** E.164. */
  @TextColumn({ nullable: true }) phone: string | null;
  @TextColumn({ default: '' }) organization: string;
  @TextColumn({ nullable: true }) organizationType: string | null;
  @TextColumn({ nullable: true }) gender: string | null;
  @TextColumn({ nullable: true }) ageGroup: string | null;
  @TextColumn({ nullable: true }) region: string | null;

  /** By question id: a string, a number, a boolean or a list of choices. */
  @JsonColumn({ default: () => `'{}'` }) answers: Record<string, unknown>;
  @TextColumn({ default: 'fr' }) locale: string;

  /** The consent text the participant agreed to, as it read then. */
  @LocalizedTextColumn({ nullable: true }) consentText: Localized | null;
  @TimestampColumn({ nullable: true }) consentedAt: Date | null;
  @TimestampColumn({ nullable: true }) confirmedAt: Date | null;
  @TimestampColumn({ nullable: true }) cancelledAt: Date | null;

  /** Shown at the door (QR); distinct from the manage token, which is never stored in clear. */
  @TextColumn({ unique: true }) ticketCode: string;

  /** `online` (the public form or API) or `desk` (added by an organizer). */
  @TextColumn({ default: 'online' }) source: string;

  /** Set by a trigger from a sequence on every write: the desks' offline roster asks for what changed since a version. */
  @BigIntColumn({ default: 0 }) rosterVersion: string;

  /** Personal data erased (by the participant, or the organizer after the event); the categories stay for the figures. */
  @TimestampColumn({ nullable: true }) erasedAt: Date | null;
}

/** What a registration keeps of its person (the participant's data, rule 10), in the order the API shows it. */
export const PARTICIPANT_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'organization',
  'organizationType',
  'gender',
  'ageGroup',
  'region',
  'locale',
  'answers',
] as const;
export type Participant = Pick<Registration, (typeof PARTICIPANT_FIELDS)[number]>;

/** The participant's fields of a registration (or of a row that has them), and nothing else. */
export function participantOf(r: Participant): Participant {
  return Object.fromEntries(PARTICIPANT_FIELDS.map((f) => [f, r[f]])) as unknown as Participant;
}
