import { DEFAULT_INDICATORS, DEFAULT_SECTORS } from '../catalog/catalog';
import { AcceptedSubmission, computeImpact } from './impact';

const v = (value: number) => ({ value });
const impact = (submissions: AcceptedSubmission[]) =>
  computeImpact({ year: 2025, partners: 5, indicators: DEFAULT_INDICATORS, sectors: DEFAULT_SECTORS, submissions });
const total = (i: ReturnType<typeof impact>, key: string) => i.indicators.find((t) => t.key === key)!;

describe('the impact of the partners', () => {
  const a: AcceptedSubmission = {
    partnerId: 'a',
    sectors: ['health'],
    regions: ['bamako', 'kayes'],
    values: { employed: v(100), 'employed-nationals': v(90), 'trained-health': v(40) },
  };
  const b: AcceptedSubmission = {
    partnerId: 'b',
    sectors: ['health', 'agriculture'],
    regions: ['bamako'],
    values: { employed: v(300), 'employed-nationals': v(100) },
  };
  const c: AcceptedSubmission = { partnerId: 'c', sectors: [], regions: [], values: { employed: v(50), 'youth-trained': v(12) } };

  it('adds what was given and counts who gave it', () => {
    const i = impact([a, b, c]);
    expect(total(i, 'employed')).toMatchObject({ total: 450, contributors: 3 });
    expect(total(i, 'youth-trained')).toMatchObject({ total: 12, contributors: 1 });
    expect(i.contributors).toBe(3);
    expect(i.partners).toBe(5);
  });

  it('never invents a value nobody gave', () => {
    const i = impact([a, b]);
    expect(total(i, 'income-supported')).toMatchObject({ total: null, contributors: 0 });
    expect(i.bySector.find((s) => s.key === 'livestock')!.trained).toBeNull();
    expect(impact([]).headline).toBeNull();
  });

  it('weighs the share of nationals by the people employed of those who gave both', () => {
    const i = impact([a, b, c]);
    // (100 × 90 % + 300 × 100 %) / 400 = 97.5 %; c gave no share and does not count in it.
    expect(total(i, 'employed-nationals')).toMatchObject({ total: 97.5, contributors: 2, people: 390 });
    expect(i.headline).toEqual({ organizations: 3, employed: 450, nationalsShare: 97.5, nationalsContributors: 2 });
  });

  it('breaks down by sector and region', () => {
    const i = impact([a, b, c]);
    expect(i.bySector.find((s) => s.key === 'health')).toMatchObject({ partners: 2, trained: 40 });
    expect(i.bySector.find((s) => s.key === 'agriculture')).toMatchObject({ partners: 1, trained: null });
    expect(i.byRegion.find((r) => r.key === 'bamako')!.partners).toBe(2);
    expect(i.byRegion.find((r) => r.key === 'kayes')!.partners).toBe(1);
  });
});
