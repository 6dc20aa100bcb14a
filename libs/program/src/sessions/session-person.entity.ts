import { Check, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { IntColumn, PrimaryUuidColumn, TextColumn, TimestampColumn } from '@palabre/platform';
import type { RoleAnswer, SessionRole } from './session-kinds';
import { ProgramSession } from './session.entity';

/** A speaker's role on a session; one role per person and session. */
@Entity('program_session_people')
@Check('program_session_people_role_known', `"role" IN ('moderator', 'panelist', 'speaker', 'host')`)
@Check('program_session_people_answer_known', `"answer" IN ('invited', 'accepted', 'declined')`)
export class SessionPerson {
  @PrimaryUuidColumn() sessionId: string;

  /** A speaker of the same event (speakers live in their own context). */
  @Index() @PrimaryUuidColumn() speakerId: string;
  @TextColumn() role: SessionRole;

  /** The order people are listed in. */
  @IntColumn({ default: 0 }) position: number;

  /** The speaker's answer to this role; a declined person does not count toward a panel. */
  @TextColumn({ default: 'invited' }) answer: RoleAnswer;

  /** What the speaker told the organizers with the answer. Private: organizers only. */
  @TextColumn({ nullable: true }) answerNote: string | null;

  /** When the speaker answered (null: not yet, or a role that predates answers). */
  @TimestampColumn({ nullable: true }) answeredAt: Date | null;

  /** When the speaker was asked: the role's creation, or a change of role. Reminders count from here. */
  @TimestampColumn({ default: () => 'now()' })
  askedAt: Date;

  /** Automatic reminders sent for this role, and the last one's time. */
  @IntColumn({ default: 0 }) remindersSent: number;
  @TimestampColumn({ nullable: true }) remindedAt: Date | null;

  /** When the organizers' digest told of the answer (null: not yet told). */
  @TimestampColumn({ nullable: true }) answerReportedAt: Date | null;

  @ManyToOne(() => ProgramSession, (s) => s.people, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  // Relation<> keeps the decorator metadata from naming the class: the two entity files import each other.
  session: Relation<ProgramSession>;
}
