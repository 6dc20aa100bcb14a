/**
 * SMS encodings and segments (3GPP TS 23.038 and 23.040). A text in the GSM 7-bit default
 * alphabet takes 160 septets in one segment, 153 per part once split (the rest carries the
 * concatenation header); a character of the extension table costs two septets (escape + code)
 * and is never split. Anything else sends the whole text as UCS-2: 70 UTF-16 units in one
 * segment, 67 per part, a surrogate pair never split.
 */

/** The default alphabet: French has é è ù à ì ò É Ç in it, not â ê î ô û ë ï ç œ nor typographic quotes. */
export const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table, reached by an escape: two septets each. */
export const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set([...GSM7_BASIC].filter((c) => c !== '\u001b'));
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 units (UCS-2). */
  units: number;
  segments: number;
}

export function isGsm7(text: string): boolean {
  for (const c of text) if (!BASIC.has(c) && !EXTENSION.has(c)) return false;
  return true;
}

/** Segments a text takes, as a phone network counts (and bills) them. */
export function countSegments(text: string): SegmentCount {
  if (isGsm7(text)) {
    const sizes = [...text].map((c) => (EXTENSION.has(c) ? 2 : 1));
    return { encoding: 'gsm7', ...split(sizes, 160, 153) };
  }
  // A character outside the BMP is a surrogate pair: two units, kept together.
  const sizes = [...text].map((c) => c.length);
  return { encoding: 'ucs2', ...split(sizes, 70, 67) };
}

/** Units in total, and parts when filled greedily without cutting a character. */
function split(sizes: number[], single: number, part: number): { units: number; segments: number } {
  const units = sizes.reduce((a, b) => a + b, 0);
  if (units <= single) return { units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { units, segments };
}

/** Characters a French text often has that GSM-7 lacks, and what a phone shows best instead. */
const FOLDS: Record<string, string> = {
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  œ: 'oe',
  Œ: 'OE',
  ç: 'c',
  '\u00a0': ' ',
  '\u202f': ' ',
  '·': '.',
  '`': "'",
};

/**
 * The text in GSM-7 wherever a character has a close equivalent (ê → e, ç → c, ’ → ', « » → "),
 * keeping the accents GSM-7 has (é è à ù): one segment holds 160 characters instead of 70.
 * A character with no equivalent (another script) stays, and the text goes as UCS-2.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const c of text) {
    if (BASIC.has(c) || EXTENSION.has(c)) {
      out += c;
      continue;
    }
    const folded = FOLDS[c] ?? c.normalize('NFD').replace(/\p{Diacritic}/gu, '');
    out += [...folded].every((f) => BASIC.has(f) || EXTENSION.has(f)) ? folded : c;
  }
  return out;
}
