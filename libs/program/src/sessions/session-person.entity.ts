import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { SessionRole } from './session-kinds';
import { ProgramSession } from './session.entity';

/** A speaker's role on a session; one role per person and session. */
@Entity('program_session_people')
@Check('program_session_people_role_known', `"role" IN ('moderator', 'panelist', 'speaker', 'host')`)
export class SessionPerson {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  /** A speaker of the same event (speakers live in their own context). */
  @Index()
  @PrimaryColumn({ type: 'uuid' })
  speakerId: string;

  @Column({ type: 'text' })
  role: SessionRole;

  /** The order people are listed in. */
  @Column({ type: 'int', default: 0 })
  position: number;

  @ManyToOne(() => ProgramSession, (s) => s.people, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  // Relation<> keeps the decorator metadata from naming the class: the two entity files import each other.
  session: Relation<ProgramSession>;
}
