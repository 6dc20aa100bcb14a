import { suppressBreakdown, suppressCount, suppressRate } from './suppression';

describe('small cells in published figures', () => {
  it.each([
    [0, 'small'],
    [1, 'small'],
    [4, 'small'],
    [5, 5],
    [1234, 1234],
  ])('shows %p people as %p', (n, shown) => {
    expect(suppressCount(n)).toBe(shown);
  });

  it('keeps a breakdown without small cells exact', () => {
    expect(suppressBreakdown([12, 30, 5])).toEqual([12, 30, 5]);
  });

  it('marks every cell under five; two or more small cells cannot be told apart from the total', () => {
    expect(suppressBreakdown([40, 3, 0, 2])).toEqual([40, 'small', 'small', 'small']);
  });

  it('hides the smallest other cell when one small cell alone could be worked out from the exact total', () => {
    // 120 women, 3 men, total 123: with « 120 » shown, « < 5 » would read 3.
    expect(suppressBreakdown([120, 3])).toEqual(['hidden', 'small']);
    expect(suppressBreakdown([50, 2, 9, 30])).toEqual([50, 'small', 'hidden', 30]);
  });

  it('leaves a breakdown of one cell as it is: that cell is the total', () => {
    expect(suppressBreakdown([3])).toEqual(['small']);
  });

  it('withholds a rate whose counts are withheld, and keeps none where there is nothing to divide', () => {
    expect(suppressRate(0.75, 15, 20)).toBe(0.75);
    expect(suppressRate(0.1, 'small', 20)).toBe('hidden');
    expect(suppressRate(null, 'small')).toBeNull();
  });
});
