import { escapeIcsText as escapeText, foldIcsLine as foldLine, icsUtc as utcStamp } from '@palabre/platform';

describe('iCalendar text', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b; c', 'a\\, b\\; c'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines', 'two\\nlines'],
    ['crlf\r\nline', 'crlf\\nline'],
    ['bell\u0007 and tab\t', 'bell and tab\t'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('leaves short lines alone', () => {
    expect(foldLine('SUMMARY:Ouverture')).toBe('SUMMARY:Ouverture');
  });

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the same text', () => {
    const line = `SUMMARY:${'é'.repeat(60)}🌍${'a'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('writes UTC stamps', () => {
    expect(utcStamp(new Date('2030-06-10T09:05:07.123Z'))).toBe('20300610T090507Z');
  });
});
