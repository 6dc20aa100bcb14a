import { randomInt } from 'node:crypto';

/**
 * Letters and digits that cannot be mistaken for one another when read out or typed from a
 * phone screen: no 0/O, no 1/I. 32 symbols, so each carries 5 bits.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function randomCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/** A ticket code: 16 symbols, 80 random bits, shown as four groups of four (`K7QM-3XWP-…`). */
export function newTicketCode(): string {
  return randomCode(16).replace(/(.{4})(?!$)/g, '$1-');
}

/** A registration's reference: 8 symbols (40 bits), unique by index; what people quote on the phone. */
export function newReference(): string {
  return randomCode(8);
}

/** A typed or scanned code as stored: upper case, spaces and dashes dropped, groups of four re-made. */
export function normalizeCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/(.{4})(?!$)/g, '$1-');
}
