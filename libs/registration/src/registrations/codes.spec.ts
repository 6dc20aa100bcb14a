import { CODE_ALPHABET, newReference, newTicketCode, normalizeCode } from './codes';

describe('ticket codes and references', () => {
  it('use 32 symbols that cannot be mistaken when read out: no 0/O, no 1/I', () => {
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    for (const c of '01OI') expect(CODE_ALPHABET).not.toContain(c);
  });

  it('give a ticket 16 random symbols (80 bits) in four groups, a reference 8', () => {
    const codes = Array.from({ length: 2000 }, newTicketCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(16 * Math.log2(CODE_ALPHABET.length)).toBe(80);
    expect(newReference()).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  });

  it('spread their symbols evenly (no bias toward part of the alphabet)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) for (const c of newReference()) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (4000 * 8) / 32;
    for (const c of CODE_ALPHABET) expect(Math.abs((counts.get(c) ?? 0) - expected) / expected).toBeLessThan(0.25);
  });

  it('read a typed or scanned code as stored', () => {
    expect(normalizeCode('k7qm 3xwp-abcd efgh')).toBe('K7QM-3XWP-ABCD-EFGH');
  });
});
