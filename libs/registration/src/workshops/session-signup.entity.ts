import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const SIGNUP_STATUSES = ['signed_up', 'waitlisted'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** A registration's place in a workshop with limited seats: a seat, or a place on its waiting list. */
@Entity('session_signups')
@Check('session_signups_status_known', `"status" IN ('signed_up', 'waitlisted')`)
@Check('session_signups_waitlist_by_status', `("status" = 'waitlisted') = ("waitlist_seq" IS NOT NULL)`)
@Index(['sessionId', 'status', 'waitlistSeq'])
export class SessionSignup {
  @PrimaryColumn({ type: 'uuid' })
  registrationId: string;

  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'text' })
  status: SignupStatus;

  @Column({ type: 'bigint', nullable: true })
  waitlistSeq: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Set by a trigger on every write, like the registration's (the desks' roster delta). */
  @Column({ type: 'bigint', default: 0 })
  rosterVersion: string;
}
