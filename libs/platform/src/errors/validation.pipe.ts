import { ValidationPipe } from '@nestjs/common';
import { PlatformError } from './platform-errors';
import { toFieldErrors } from './validation-messages';

/** The one global pipe: unknown fields refused, types checked, each bad field named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new PlatformError('VALIDATION_FAILED', {}, toFieldErrors(errors)),
  });
}
