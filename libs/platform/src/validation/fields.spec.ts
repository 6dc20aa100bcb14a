import { validate } from 'class-validator';
import { isInstant, IsNotBlank } from './fields';

describe('isInstant', () => {
  it.each([
    ['2025-06-10T09:00:00Z', true],
    ['2025-06-10T09:00Z', true],
    ['2025-06-10T09:00:00.123+00:00', true],
    ['2025-06-10T09:00:00-05:30', true],
    ['2024-02-29T09:00:00Z', true],
    ['2025-06-10T09:00:00', false], // no offset: which zone?
    ['2025-06-10', false],
    ['2025-02-29T09:00:00Z', false],
    ['2025-13-01T09:00:00Z', false],
    ['2025-06-10T24:00:00Z', false],
    ['0000-01-01T00:00:00Z', false],
    ['9999-01-01T00:00:00Z', false],
    ['tomorrow', false],
    [20250610, false],
    [null, false],
  ])('%p → %p', (value, expected) => {
    expect(isInstant(value)).toBe(expected);
  });
});

describe('IsNotBlank', () => {
  class Named {
    @IsNotBlank() name: string;
  }
  const blank = async (name: unknown) => (await validate(Object.assign(new Named(), { name }))).length > 0;

  // Found by the bad-input walk: a room named with a zero-width space was stored, a name nobody can see.
  it.each([['   '], ['\u200b'], ['\u200b \u200d'], ['\u2060'], [''], [3]])('refuses %p', async (name) => {
    expect(await blank(name)).toBe(true);
  });

  it.each([['Salle 1'], ['غرفة'], ['🎉'], ['e\u0301']])('accepts %p', async (name) => {
    expect(await blank(name)).toBe(false);
  });
});
