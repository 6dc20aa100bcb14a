import { Entity } from 'typeorm';
import { TimestampColumn } from '@palabre/platform';
import { UserSecret } from '../users/user-secret';

/** A single-use sign-in link sent by email. Only the SHA-256 of its 256-bit secret is stored. */
@Entity('sign_in_links')
export class SignInLink extends UserSecret {
  @TimestampColumn() expiresAt: Date;
  @TimestampColumn({ nullable: true }) usedAt: Date | null;
  @TimestampColumn() createdAt: Date;
}
