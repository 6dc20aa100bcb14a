import { CreateDateColumn, Entity, Index } from 'typeorm';
import { PrimaryTextColumn, UuidColumn } from '@palabre/platform';

/**
 * A manage link's secret, stored hashed (SHA-256 of 256 random bits). Each email carries a
 * fresh one, so resending a link never breaks the links already sent.
 */
@Entity('registration_tokens')
@Index(['registrationId'])
export class RegistrationToken {
  @PrimaryTextColumn() tokenHash: string;
  @UuidColumn() registrationId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
