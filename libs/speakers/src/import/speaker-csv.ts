import { isEmail } from 'class-validator';
import type { Localized } from '@palabre/platform';

/** The columns an import reads, in the order organizers usually keep them. `name` is required. */
export const IMPORT_COLUMNS = ['name', 'title', 'organization', 'email', 'phone', 'bio_fr', 'bio_en', 'languages'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const IMPORT_MAX_ROWS = 2_000;

/** A profile as a row of the file gives it. */
export interface ImportedProfile {
  name: string;
  title: string;
  organization: string;
  email: string | null;
  phone: string | null;
  bio: Localized;
  languages: string[];
}

export interface RowProblem {
  field: ImportColumn;
  message: Localized;
}

/** Why a row would not be saved as a new profile: the profile or the earlier row it repeats. */
export interface RowDuplicate {
  kind: 'email' | 'name';
  /** An existing profile of the event… */
  speakerId?: string;
  speakerName?: string;
  /** …or an earlier line of the file. */
  line?: number;
}

export interface ImportRow {
  /** The record's line in the file (the header is line 1; a quoted line break does not count). */
  line: number;
  profile: ImportedProfile;
  errors: RowProblem[];
  duplicate: RowDuplicate | null;
}

export class CsvFormatError extends Error {
  constructor(
    readonly reason: 'empty' | 'no-name-column' | 'unknown-column' | 'too-many-rows' | 'unclosed-quote',
    readonly detail = '',
  ) {
    super(reason);
  }
}

/** RFC 4180 records, with the separator given: quoted fields may hold separators, quotes ("") and line breaks. */
export function parseCsv(text: string, separator: ',' | ';'): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (quoted) throw new CsvFormatError('unclosed-quote');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** `;` when the header has more semicolons than commas (French spreadsheets), else `,`. */
export function guessSeparator(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** A name as people compare them: no case, no accents, no spaces or punctuation (« Aïssata  COULIBALY » = « aissata coulibaly »). */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const LANGUAGE = /^[a-z]{2,3}$/;
const PHONE = /^\+?[0-9][0-9 ().-]{5,24}$/;
const LIMITS: Partial<Record<ImportColumn, number>> = { name: 120, title: 200, organization: 200, email: 254, phone: 30, bio_fr: 5_000, bio_en: 5_000 };

const problem = (field: ImportColumn, fr: string, en: string): RowProblem => ({ field, message: { fr, en } });

/** Checks one row's values: the same rules as the profile form. */
function readRow(values: Partial<Record<ImportColumn, string>>): { profile: ImportedProfile; errors: RowProblem[] } {
  const v = (c: ImportColumn) => (values[c] ?? '').trim();
  const errors: RowProblem[] = [];
  for (const [column, max] of Object.entries(LIMITS) as [ImportColumn, number][]) {
    if (v(column).length > max) errors.push(problem(column, `Trop long (${max} caractères au plus).`, `Too long (at most ${max} characters).`));
  }
  if (!v('name')) errors.push(problem('name', 'Le nom manque.', 'The name is missing.'));
  const email = v('email').toLowerCase();
  if (email && !isEmail(email)) errors.push(problem('email', 'Adresse e-mail invalide.', 'Invalid email address.'));
  const phone = v('phone');
  if (phone && !PHONE.test(phone)) errors.push(problem('phone', 'Numéro de téléphone invalide.', 'Invalid phone number.'));
  const languages = v('languages')
    .toLowerCase()
    .split(/[\s,;|/]+/)
    .filter(Boolean);
  if (languages.some((l) => !LANGUAGE.test(l)) || languages.length > 10) {
    errors.push(problem('languages', 'Langues attendues en codes ISO 639 (fr en bm).', 'Languages are expected as ISO 639 codes (fr en bm).'));
  }
  const bio: Localized = { fr: v('bio_fr'), ...(v('bio_en') ? { en: v('bio_en') } : {}) };
  return {
    profile: {
      name: v('name'),
      title: v('title'),
      organization: v('organization'),
      email: email || null,
      phone: phone || null,
      bio,
      languages: [...new Set(languages)],
    },
    errors,
  };
}

export interface ExistingProfile {
  id: string;
  name: string;
  email: string | null;
}

/**
 * The rows of a CSV file (UTF-8, `,` or `;`, BOM tolerated), each with its errors and the
 * duplicate it is (same email as a profile of the event or an earlier row, or a name that is
 * the same once case, accents and spaces are ignored). A row with errors is not checked for
 * duplicates: it will not be saved anyway. Blank lines are skipped.
 */
export function readSpeakerCsv(text: string, existing: ExistingProfile[]): ImportRow[] {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new CsvFormatError('empty');
  const records = parseCsv(body, guessSeparator(body));
  const header = records[0].map((h) => h.trim().toLowerCase());
  const unknown = header.find((h) => h !== '' && !(IMPORT_COLUMNS as readonly string[]).includes(h));
  if (unknown !== undefined) throw new CsvFormatError('unknown-column', unknown);
  if (!header.includes('name')) throw new CsvFormatError('no-name-column');
  if (records.length - 1 > IMPORT_MAX_ROWS) throw new CsvFormatError('too-many-rows', String(IMPORT_MAX_ROWS));

  const byEmail = new Map<string, RowDuplicate>();
  const byName = new Map<string, RowDuplicate>();
  for (const p of existing) {
    if (p.email) byEmail.set(p.email.toLowerCase(), { kind: 'email', speakerId: p.id, speakerName: p.name });
    byName.set(nameKey(p.name), { kind: 'name', speakerId: p.id, speakerName: p.name });
  }
  const rows: ImportRow[] = [];
  records.slice(1).forEach((record, i) => {
    if (record.every((cell) => cell.trim() === '')) return;
    const values: Partial<Record<ImportColumn, string>> = {};
    header.forEach((column, j) => {
      if (column) values[column as ImportColumn] = record[j] ?? '';
    });
    const line = i + 2;
    const { profile, errors } = readRow(values);
    let duplicate: RowDuplicate | null = null;
    if (errors.length === 0) {
      const key = nameKey(profile.name);
      duplicate = (profile.email ? byEmail.get(profile.email) : undefined) ?? byName.get(key) ?? null;
      if (!duplicate) {
        if (profile.email) byEmail.set(profile.email, { kind: 'email', line, speakerName: profile.name });
        byName.set(key, { kind: 'name', line, speakerName: profile.name });
      }
    }
    rows.push({ line, profile, errors, duplicate });
  });
  return rows;
}
