import { Check, CreateDateColumn, Entity, Index } from 'typeorm';
import { BigIntColumn, EventRow, PrimaryUuidColumn, TextColumn } from '@palabre/platform';

export const SIGNUP_STATUSES = ['signed_up', 'waitlisted'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** A registration's place in a workshop with limited seats: a seat, or a place on its waiting list. */
@Entity('session_signups')
@Check('session_signups_status_known', `"status" IN ('signed_up', 'waitlisted')`)
@Check('session_signups_waitlist_by_status', `("status" = 'waitlisted') = ("waitlist_seq" IS NOT NULL)`)
@Index(['sessionId', 'status', 'waitlistSeq'])
export class SessionSignup extends EventRow {
  @PrimaryUuidColumn() registrationId: string;
  @PrimaryUuidColumn() sessionId: string;
  @TextColumn() status: SignupStatus;
  @BigIntColumn({ nullable: true }) waitlistSeq: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  /** Set by a trigger on every write, like the registration's (the desks' roster delta). */
  @BigIntColumn({ default: 0 }) rosterVersion: string;
}
