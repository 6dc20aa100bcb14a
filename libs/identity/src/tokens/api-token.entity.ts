import { CreateDateColumn, Entity } from 'typeorm';
import { TextColumn, TimestampColumn } from '@palabre/platform';
import { UserSecret } from '../users/user-secret';

/** A bearer token for the API. Only its SHA-256 is stored; the token itself is shown once. */
@Entity('api_tokens')
export class ApiToken extends UserSecret {
  @TextColumn({ default: '' }) label: string;
  @TimestampColumn() expiresAt: Date;
  @TimestampColumn({ nullable: true }) lastUsedAt: Date | null;
  @TimestampColumn({ nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
