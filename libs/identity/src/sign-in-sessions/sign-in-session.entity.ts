import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * A signed-in browser. The cookie holds a 256-bit secret; only its SHA-256 is stored, so a
 * database leak opens no session. Ended = deleted.
 */
@Entity('sessions')
export class SignInSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user: Relation<User>;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  /** The synchronizer token the session's forms carry (`_csrf`). */
  @Column({ type: 'text' })
  csrfToken: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  /** Slides with use (idle timeout), never past createdAt + the absolute lifetime. */
  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'text', default: '' })
  ip: string;

  @Column({ type: 'text', default: '' })
  userAgent: string;
}
