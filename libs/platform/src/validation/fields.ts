import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';

/** `2025-06-10T09:00:00Z`, `2025-06-10T09:00:00.000+00:00`: date, time and an explicit offset. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant: ISO 8601 date and time with its offset, a real calendar date, between the
 * years 1900 and 2200. A local time without offset is refused because it would be read in
 * the server's zone, not the event's.
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 40) return false;
  const m = INSTANT.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  // The day must exist in that month (no 30 February).
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  return !Number.isNaN(Date.parse(value));
}

export function IsInstant(validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: { validate: (value: unknown) => isInstant(value), defaultMessage: () => 'isInstant' },
    });
}

/**
 * For PATCH bodies: the field may be left out, but when present it must pass the other
 * validators — unlike @IsOptional, which also lets `null` through to a NOT NULL column.
 */
export function IsOptionalNotNull(validationOptions?: ValidationOptions) {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined, validationOptions);
}

/** Characters that show nothing and that trim() keeps: zero-width spaces and joiners, the word joiner. */
const INVISIBLE = /[\u200b-\u200d\u2060]/g;

/** Text with something in it besides spaces (and characters that show nothing). */
export function IsNotBlank(validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotBlank',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.replace(INVISIBLE, '').trim().length > 0,
        defaultMessage: () => 'isNotBlank',
      },
    });
}
