import { Injectable } from '@nestjs/common';
import { Clock, PlatformError } from '@palabre/platform';
import { RegistrationError } from '../registration.errors';
import { ParticipantRegistrations, RegistrationView } from '../registrations/participant-registrations.service';
import { SmsCodesRepository } from './sms-codes.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The code a participant without email received by SMS, entered on the page or through the
 * API: the attempt is counted first, in a statement of its own (a wrong code is remembered
 * whatever follows); a right one confirms the registration and opens it with a new manage token.
 */
@Injectable()
export class VerifySmsCode {
  constructor(
    private readonly codes: SmsCodesRepository,
    private readonly participants: ParticipantRegistrations,
    private readonly clock: Clock,
  ) {}

  async execute(verificationId: string, code: string): Promise<{ registration: RegistrationView; token: string }> {
    if (!UUID.test(verificationId)) throw new RegistrationError('SMS_CODE_NOT_FOUND');
    const digits = code.replace(/\s/g, '');
    // Not a code at all: said beside the field, and no attempt is spent on it.
    if (!/^\d{6}$/.test(digits)) {
      throw new PlatformError('VALIDATION_FAILED', {}, [{ field: 'code', message: { fr: 'Le code a six chiffres.', en: 'The code has six digits.' } }]);
    }
    const attempt = await this.codes.attempt(verificationId, digits, this.clock.now());
    switch (attempt.outcome) {
      case 'right':
        return this.participants.confirmByCode(attempt.registrationId);
      case 'wrong':
        if (attempt.attemptsLeft === 0) throw new RegistrationError('SMS_CODE_LOCKED');
        throw new RegistrationError('SMS_CODE_WRONG', { attemptsLeft: attempt.attemptsLeft }, [
          {
            field: 'code',
            message: { fr: `Code incorrect : encore ${attempt.attemptsLeft} essai(s).`, en: `Wrong code: ${attempt.attemptsLeft} attempt(s) left.` },
          },
        ]);
      case 'locked':
        throw new RegistrationError('SMS_CODE_LOCKED');
      case 'expired':
        throw new RegistrationError('SMS_CODE_EXPIRED');
      case 'unknown':
        throw new RegistrationError('SMS_CODE_NOT_FOUND');
    }
  }
}
