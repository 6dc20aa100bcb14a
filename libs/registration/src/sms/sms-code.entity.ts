import { CreateDateColumn, Entity, Index } from 'typeorm';
import { IntColumn, PrimaryUuidColumn, TextColumn, TimestampColumn, UuidColumn } from '@palabre/platform';

/**
 * A confirmation code sent by SMS (the double opt-in of a participant without email): six
 * digits, stored only as a hash salted by the row's id, valid 10 minutes, 5 attempts. Its id is
 * what the page or the API client holds to enter the code; the code is the secret.
 */
@Entity('registration_sms_codes')
@Index(['registrationId'])
export class SmsCode {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() registrationId: string;
  @TextColumn() codeHash: string;

  /** Wrong and right ones; at 5 the code is locked, whatever comes next. */
  @IntColumn({ default: 0 }) attempts: number;
  @TimestampColumn() expiresAt: Date;
  @TimestampColumn({ nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
