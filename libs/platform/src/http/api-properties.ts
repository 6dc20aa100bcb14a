import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { LocalizedText } from '../i18n/localized-text';

/** What a response field may add to its kind: null allowed, left out, a description, an example. */
export interface PropertyOptions {
  nullable?: boolean;
  /** The field may be absent (`ApiPropertyOptional`). */
  optional?: boolean;
  description?: string;
  example?: unknown;
}

function property(kind: ApiPropertyOptions, { nullable, optional, ...rest }: PropertyOptions): PropertyDecorator {
  return ApiProperty({ ...kind, ...(nullable ? { nullable } : {}), ...rest, ...(optional ? { required: false } : {}) } as ApiPropertyOptions);
}

/** A uuid. */
export function UuidProperty(options: PropertyOptions = {}): PropertyDecorator {
  return property({ type: String, format: 'uuid' }, options);
}

/** An instant in ISO 8601, as `Date.toISOString()` writes it. */
export function DateTimeProperty(options: PropertyOptions = {}): PropertyDecorator {
  return property({ type: String, format: 'date-time' }, options);
}

/** A whole number. */
export function IntegerProperty(options: PropertyOptions = {}): PropertyDecorator {
  return property({ type: 'integer' }, options);
}

/** A text in French and, when given, English (`{ "fr": "…", "en": "…" }`). */
export function LocalizedTextProperty(options: PropertyOptions = {}): PropertyDecorator {
  return property({ type: LocalizedText }, options);
}
