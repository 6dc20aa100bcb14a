import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SmsCode } from './sms-code.entity';

/** Tries before a code is locked. */
export const SMS_CODE_ATTEMPTS = 5;

/** The code's hash, salted by its row's id (the same code in two rows hashes differently). */
export function smsCodeHash(id: string, code: string): string {
  return createHash('sha256').update(`${id}:${code}`).digest('hex');
}

export type CodeAttempt =
  { outcome: 'right'; registrationId: string } | { outcome: 'wrong'; attemptsLeft: number } | { outcome: 'locked' | 'expired' | 'unknown' };

/** Every query of SMS codes. */
@Injectable()
export class SmsCodesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, code: { id: string; registrationId: string; code: string; expiresAt: Date }): Promise<void> {
    await manager.getRepository(SmsCode).insert({
      id: code.id,
      registrationId: code.registrationId,
      codeHash: smsCodeHash(code.id, code.code),
      expiresAt: code.expiresAt,
    });
  }

  /**
   * One attempt, counted and judged by one guarded statement (its own, committed whatever the
   * outcome): a right code is used up at once, so it opens the registration once; past five
   * attempts, or ten minutes, nothing matches any more.
   */
  async attempt(id: string, code: string, now: Date): Promise<CodeAttempt> {
    const [rows] = await this.dataSource.query<[{ registration_id: string; right: boolean; attempts: number }[], number]>(
      `UPDATE registration_sms_codes SET attempts = attempts + 1, used_at = CASE WHEN code_hash = $2 THEN $3::timestamptz END
        WHERE id = $1 AND used_at IS NULL AND attempts < $4 AND expires_at > $3
        RETURNING registration_id, code_hash = $2 AS right, attempts`,
      [id, smsCodeHash(id, code), now, SMS_CODE_ATTEMPTS],
    );
    const row = rows[0];
    if (row)
      return row.right ? { outcome: 'right', registrationId: row.registration_id } : { outcome: 'wrong', attemptsLeft: SMS_CODE_ATTEMPTS - row.attempts };
    const found = await this.dataSource.getRepository(SmsCode).findOne({ where: { id } });
    if (!found) return { outcome: 'unknown' };
    return { outcome: found.usedAt === null && found.attempts >= SMS_CODE_ATTEMPTS ? 'locked' : 'expired' };
  }
}
