import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { Dto } from './declared-routes';
import type { TestApp } from './test-app';

/** What class-validator is told about one top-level field of a request DTO. */
export interface FieldRule {
  name: string;
  optional: boolean;
  /** The validators' names: `isString`, `maxLength`, `isInstant`, `isIn`… */
  checks: Set<string>;
  maxLength?: number;
  nested: boolean;
  each: boolean;
}

/** The top-level fields of a DTO, read from the metadata its decorators left (what the global pipe checks). */
export function fieldRules(dto: Dto): FieldRule[] {
  const rules = new Map<string, FieldRule>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const rule = rules.get(m.propertyName) ?? { name: m.propertyName, optional: false, checks: new Set(), nested: false, each: false };
    rules.set(m.propertyName, rule);
    if (m.type === 'conditionalValidation') rule.optional = true;
    if (m.type === 'nestedValidation') rule.nested = true;
    if (m.each) rule.each = true;
    if (m.name) rule.checks.add(m.name);
    const constraints = (m.constraints ?? []) as unknown[];
    if (m.name === 'maxLength') rule.maxLength = Number(constraints[0]);
    if (m.name === 'isLength' && constraints[1] !== undefined) rule.maxLength = Number(constraints[1]);
  }
  return [...rules.values()];
}

const TEXT = [
  'isString',
  'isNotBlank',
  'isEmail',
  'isUrl',
  'isUUID',
  'isInstant',
  'matches',
  'isIn',
  'isEnum',
  'isLocale',
  'isISO8601',
  'isDateString',
  'isHexColor',
];
const NUMBER = ['isInt', 'isNumber', 'min', 'max', 'isPositive'];
const DATE = ['isInstant', 'isISO8601', 'isDateString', 'isDate'];
/** Validators that refuse '' whatever else the field allows. */
const NOT_EMPTY = [
  'isNotBlank',
  'isNotEmpty',
  'isEmail',
  'isUrl',
  'isUUID',
  'isInstant',
  'isIn',
  'isEnum',
  'isISO8601',
  'isDateString',
  'isHexColor',
  'minLength',
];
/** Text with a shape (an id, a date, a choice…): any other text is refused, however long. */
const SHAPED = ['isEmail', 'isUrl', 'isUUID', 'isInstant', 'isIn', 'isEnum', 'isISO8601', 'isDateString', 'isHexColor', 'isLocale', 'matches'];

const has = (rule: FieldRule, names: string[]) => names.some((n) => rule.checks.has(n));
export const isList = (rule: FieldRule) => rule.checks.has('isArray') || rule.checks.has('arrayMaxSize') || rule.checks.has('arrayMinSize');
const isText = (rule: FieldRule) => !isList(rule) && has(rule, TEXT);
const isNumber = (rule: FieldRule) => !isList(rule) && has(rule, NUMBER);
const isBoolean = (rule: FieldRule) => !isList(rule) && rule.checks.has('isBoolean');

/** Far and impossible dates: after 9999, year 0, before year 0, a 30 February, a 13th month, a 25th hour. */
export const BAD_DATES = [
  '10000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-02-30T09:00:00Z',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '2026-06-10T25:00:00Z',
];

/** Text from every corner of Unicode: right-to-left, emoji, combining marks, zero-width and bidi controls. */
export const unicodeText = fc.oneof(
  fc.constantFrom('\u202eغرفة\u202c', 'שלום', '🎉👩🏽‍💻🇲🇱', 'e\u0301\u0301\u0301', 'Z̴̡̛a̷l̸g̶o̵', '\u200b\ufeff', '𝕬𝖜𝖆'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
);

/** Text a server must not store: a NUL (PostgreSQL refuses it), a lone surrogate (not Unicode at all). */
export const unreadableText = fc.constantFrom('a\u0000b', '\u0000', 'x\ud800', '\udfffy');

/** Free text (no shape to match) that no maximum length bounds: a megabyte of it would be stored. */
export const isUnboundedText = (rule: FieldRule) => isText(rule) && rule.maxLength === undefined && !has(rule, SHAPED);

/** A value of another JSON type than the field's. */
function wrongType(rule: FieldRule): fc.Arbitrary<unknown> {
  if (isList(rule)) return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean());
  if (isText(rule))
    return fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), fc.string(), { minKeys: 1, maxKeys: 2 }),
    );
  if (isNumber(rule)) return fc.oneof(fc.integer().map(String), fc.boolean(), fc.string({ maxLength: 5 }));
  if (isBoolean(rule)) return fc.oneof(fc.constantFrom('true', 'false', 'yes', 1, 0));
  return fc.oneof(fc.integer(), fc.boolean());
}

/** An array where the field takes one value (a list of valid-looking ones). */
function arrayForScalar(rule: FieldRule): fc.Arbitrary<unknown> | undefined {
  if (isList(rule) || rule.each) return undefined;
  if (isText(rule)) return fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 });
  if (isNumber(rule)) return fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 3 });
  if (isBoolean(rule)) return fc.array(fc.boolean(), { maxLength: 2 });
  if (rule.nested) return undefined;
  return undefined;
}

/** One bad value for one field, and what it is (for the failure message). */
export interface BadValue {
  field: string;
  what: string;
  value: unknown;
}

/** Arbitrary bad values for a field: each one the field's validators must refuse. */
export function badValues(rule: FieldRule, options: { hugeIsTooLarge?: number; inQuery?: boolean } = {}): fc.Arbitrary<BadValue>[] {
  const field = rule.name;
  const of = (what: string, arb: fc.Arbitrary<unknown>) => arb.map((value): BadValue => ({ field, what, value }));
  // A query carries text only: a number's wrong type is text that is no number.
  const wrong = options.inQuery && isNumber(rule) ? fc.constantFrom('abc', '1.5', '1e3', '0x10', 'NaN', '١٢') : wrongType(rule);
  const list: fc.Arbitrary<BadValue>[] = [of('a value of the wrong type', wrong)];
  if (!rule.optional) list.push(of('null', fc.constant(null)));
  const array = arrayForScalar(rule);
  if (array) list.push(of('an array in place of a scalar', array));
  if (isText(rule)) {
    const bound = rule.maxLength ?? options.hugeIsTooLarge ?? 200_000;
    list.push(
      of(
        'a huge string',
        // Lengths are counted in characters (code points), as the validators count them.
        fc.tuple(unicodeText, fc.integer({ min: 1, max: 200 })).map(([u, extra]) => u.repeat(Math.ceil((bound + extra) / [...u].length))),
      ),
    );
    list.push(of('unreadable text', unreadableText));
    if (has(rule, NOT_EMPTY)) list.push(of('an empty string', fc.constantFrom('', ...(rule.checks.has('isNotBlank') ? ['   ', '\u200b'] : []))));
    if (has(rule, SHAPED)) list.push(of('unicode text in a shaped field', unicodeText));
  }
  if (has(rule, DATE)) list.push(of('an invalid or far date', fc.constantFrom(...BAD_DATES)));
  if (isNumber(rule) && (rule.checks.has('isInt') || rule.checks.has('max')))
    list.push(of('a number no column holds', fc.constantFrom(2 ** 31, 2 ** 53, -(2 ** 31) - 1, 1e21, 0.5)));
  return list;
}

/** A key no DTO declares, with any value: refused and named (forbidNonWhitelisted). */
export function extraField(known: string[]): fc.Arbitrary<BadValue> {
  const key = fc.oneof(fc.constantFrom('isAdmin', 'organizationId', 'id', 'role', 'status_'), unicodeText, fc.string({ minLength: 1, maxLength: 20 }));
  return fc
    .tuple(
      key.filter((k) => !known.includes(k) && !['__proto__', 'constructor', 'lang', '_csrf'].includes(k) && !k.includes('.') && !k.includes('\u0000')),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map(([field, value]) => ({ field, what: 'a field nobody declared', value }));
}

/** Row counts of every table of the app's database: what a refused request must leave as it found it. */
export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const db = t.app.get(DataSource);
  const tables = await db.query<{ name: string }[]>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  const rows = await db.query<{ name: string; n: number }[]>(
    tables.map((x) => `SELECT '${x.name}' AS name, count(*)::int AS n FROM ${x.name}`).join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}
