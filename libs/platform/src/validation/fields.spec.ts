import { isInstant } from './fields';

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
