import { countSegments, GSM7_BASIC, GSM7_EXTENSION, isGsm7, toGsm7 } from './segments';

describe('SMS segments', () => {
  it('knows the 128 characters of the GSM-7 default alphabet and the 10 of its extension table', () => {
    expect([...GSM7_BASIC]).toHaveLength(128);
    expect([...GSM7_EXTENSION]).toHaveLength(10);
  });

  it.each([
    ['empty', '', 'gsm7', 0, 0],
    ['160 plain characters: one segment', 'a'.repeat(160), 'gsm7', 160, 1],
    ['161: two parts of 153', 'a'.repeat(161), 'gsm7', 161, 2],
    ['306 = 2 × 153', 'a'.repeat(306), 'gsm7', 306, 2],
    ['307: three', 'a'.repeat(307), 'gsm7', 307, 3],
    ['French accents GSM-7 has (é è à ù É Ç) cost one septet', 'é'.repeat(80) + 'èàùÉÇ'.repeat(16), 'gsm7', 160, 1],
    ['an extension character (€) costs two septets', '€'.repeat(80), 'gsm7', 160, 1],
    ['81 €: over 160 septets', '€'.repeat(81), 'gsm7', 162, 2],
    ['ê is not GSM-7: the whole text goes as UCS-2', 'ê' + 'a'.repeat(69), 'ucs2', 70, 1],
    ['71 UCS-2 units: two parts of 67', 'ê' + 'a'.repeat(70), 'ucs2', 71, 2],
    ['134 = 2 × 67', 'ç'.repeat(134), 'ucs2', 134, 2],
    ['an emoji is a surrogate pair: two units', '😀'.repeat(35), 'ucs2', 70, 1],
  ] as const)('%s', (_, text, encoding, units, segments) => {
    expect(countSegments(text)).toEqual({ encoding, units, segments });
  });

  it('never splits an escape pair or a surrogate pair between two parts', () => {
    // 152 plain septets, then € (2): the € cannot start in part one's last septet.
    expect(countSegments('a'.repeat(152) + '€' + 'a'.repeat(10)).segments).toBe(2);
    expect(countSegments('a'.repeat(152) + '€' + 'a'.repeat(152)).segments).toBe(3);
    expect(countSegments('a'.repeat(66) + '😀' + 'a'.repeat(4)).segments).toBe(2);
    expect(countSegments('a'.repeat(66) + '😀' + 'a'.repeat(66)).segments).toBe(3);
  });

  it('folds French characters GSM-7 lacks to the closest it has, and keeps those it has', () => {
    expect(toGsm7('Fête à Ségou, ça commence ! « Entrée » l’après-midi – Aïssata, Kéïta, Œuvre…')).toBe(
      'Fete à Ségou, ca commence ! " Entrée " l\'après-midi - Aissata, Kéita, OEuvre...',
    );
    expect(isGsm7(toGsm7('Maître Cœur, île, où, dû, Noël, Zoë, naïve, coût, 10\u00a0h'))).toBe(true);
    // Another script has no equivalent: it stays, and the text is UCS-2.
    expect(toGsm7('ߒߞߏ Bamako')).toBe('ߒߞߏ Bamako');
    expect(countSegments(toGsm7('ߒߞߏ Bamako')).encoding).toBe('ucs2');
  });
});
