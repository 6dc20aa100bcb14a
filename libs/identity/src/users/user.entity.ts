import { Entity } from 'typeorm';
import { TextColumn, TimestampColumn, TimestampedEntity } from '@palabre/platform';

/** A person who signs in: an organizer, a speaker, or both. */
@Entity('users')
export class User extends TimestampedEntity {
  /** Stored lower-cased; unique. */
  @TextColumn({ unique: true }) email: string;
  @TextColumn({ default: '' }) name: string;

  /** argon2id; null for people who only sign in by emailed link (speakers). */
  @TextColumn({ nullable: true }) passwordHash: string | null;
  @TextColumn({ default: 'fr' }) locale: 'fr' | 'en';

  /** Sessions and tokens issued before this are void (a password change signs out everywhere). */
  @TimestampColumn({ default: () => 'now()' })
  credentialsChangedAt: Date;
}
