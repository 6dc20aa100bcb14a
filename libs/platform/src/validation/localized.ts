import { registerDecorator, ValidationOptions } from 'class-validator';
import { isTimeZone } from '../i18n/dates';

/**
 * `{ "fr": "…", "en": "…" }` with French required and English optional, each a string of
 * at most `maxLength` characters, nothing else.
 */
export function IsLocalized(options: { maxLength?: number; optionalFr?: boolean } = {}, validationOptions?: ValidationOptions) {
  const max = options.maxLength ?? 10_000;
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLocalized',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate(value: unknown) {
          if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
          const v = value as Record<string, unknown>;
          if (Object.keys(v).some((k) => k !== 'fr' && k !== 'en')) return false;
          const ok = (s: unknown, required: boolean) =>
            s === undefined ? !required : typeof s === 'string' && s.length <= max && (!required || s.trim().length > 0);
          return ok(v.fr, !options.optionalFr) && ok(v.en, false);
        },
        defaultMessage: () => 'isLocalized',
      },
    });
}

/** An IANA time zone that this runtime knows (e.g. `Africa/Bamako`). */
export function IsTimeZone(validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate: isTimeZone,
        defaultMessage: () => 'isTimeZone',
      },
    });
}
