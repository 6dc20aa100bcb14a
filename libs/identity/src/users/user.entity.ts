import { Column, Entity } from 'typeorm';
import { TimestampColumn, TimestampedEntity } from '@palabre/platform';

/** A person who signs in: an organizer, a speaker, or both. */
@Entity('users')
export class User extends TimestampedEntity {
  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text', default: '' })
  name: string;

  /** argon2id; null for people who only sign in by emailed link (speakers). */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'text', default: 'fr' })
  locale: 'fr' | 'en';

  /** Sessions and tokens issued before this are void (a password change signs out everywhere). */
  @TimestampColumn({ default: () => 'now()' })
  credentialsChangedAt: Date;
}
