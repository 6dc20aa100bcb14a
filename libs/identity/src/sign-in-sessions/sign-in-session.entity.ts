import { Entity, Index } from 'typeorm';
import { TextColumn, TimestampColumn } from '@palabre/platform';
import { UserSecret } from '../users/user-secret';

/**
 * A signed-in browser. The cookie holds a 256-bit secret; only its SHA-256 is stored, so a
 * database leak opens no session. Ended = deleted.
 */
@Entity('sessions')
export class SignInSession extends UserSecret {
  /** The synchronizer token the session's forms carry (`_csrf`). */
  @TextColumn() csrfToken: string;
  @TimestampColumn() createdAt: Date;
  @TimestampColumn() lastSeenAt: Date;

  /** Slides with use (idle timeout), never past createdAt + the absolute lifetime. */
  @Index() @TimestampColumn() expiresAt: Date;
  @TextColumn({ default: '' }) ip: string;
  @TextColumn({ default: '' }) userAgent: string;
}
