import type { Localized } from '@palabre/platform';
import { IndicatorDefinition, IndicatorKind, MALI_REGIONS } from '../catalog/catalog';
import type { FigureValue } from './figures.entity';

/** One partner's accepted figures, with what the breakdowns need of its profile. */
export interface AcceptedSubmission {
  partnerId: string;
  sectors: string[];
  regions: string[];
  values: Record<string, FigureValue>;
}

export interface IndicatorTotal {
  key: string;
  label: Localized;
  kind: IndicatorKind;
  sector: string | null;
  shareOf: string | null;
  /** The partners whose figures count in the total (for a share: those who gave it and its base). */
  contributors: number;
  /** People (a count), or for a share the percentage over its contributors' base (one decimal); null when nobody gave it. */
  total: number | null;
  /** For a share: the people it stands for (e.g. nationals), rounded; null otherwise. */
  people: number | null;
}

export interface ImpactHeadline {
  /** The partners who gave the people employed, and their sum. */
  organizations: number;
  employed: number;
  /** The share of nationals among the people employed by those who gave both; null when nobody did. */
  nationalsShare: number | null;
  nationalsContributors: number;
}

export interface SectorImpact {
  key: string;
  label: Localized;
  /** Contributing partners that work in the sector. */
  partners: number;
  /** People trained in the sector (its indicators), or null when no indicator or no value. */
  trained: number | null;
}

export interface RegionImpact {
  key: string;
  label: string;
  /** Contributing partners that work in the region (one working in several counts in each). */
  partners: number;
}

export interface Impact {
  year: number | null;
  /** The event's partners, and how many of them have accepted figures for the year. */
  partners: number;
  contributors: number;
  headline: ImpactHeadline | null;
  indicators: IndicatorTotal[];
  bySector: SectorImpact[];
  byRegion: RegionImpact[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The impact of an event's partners for one year, from their accepted figures only: each
 * total adds the values given and says how many partners gave one; a value nobody gave is
 * null, never zero. A share (nationals among the people employed) is weighted by its base.
 */
export function computeImpact(input: {
  year: number | null;
  partners: number;
  indicators: IndicatorDefinition[];
  sectors: { key: string; label: Localized }[];
  submissions: AcceptedSubmission[];
}): Impact {
  const { submissions } = input;
  const totals = input.indicators.map((indicator): IndicatorTotal => {
    const base = { key: indicator.key, label: indicator.label, kind: indicator.kind, sector: indicator.sector, shareOf: indicator.shareOf };
    if (indicator.kind === 'percent') {
      const pairs = submissions.flatMap((s) => {
        const share = s.values[indicator.key];
        const of = indicator.shareOf ? s.values[indicator.shareOf] : undefined;
        return share && of ? [{ share: share.value, of: of.value }] : [];
      });
      const whole = pairs.reduce((a, p) => a + p.of, 0);
      const part = pairs.reduce((a, p) => a + (p.of * p.share) / 100, 0);
      return {
        ...base,
        contributors: pairs.length,
        total: pairs.length && whole > 0 ? round1((part / whole) * 100) : null,
        people: pairs.length ? Math.round(part) : null,
      };
    }
    const given = submissions.flatMap((s) => (s.values[indicator.key] ? [s.values[indicator.key].value] : []));
    return { ...base, contributors: given.length, total: given.length ? given.reduce((a, b) => a + b, 0) : null, people: null };
  });
  const employed = totals.find((t) => t.key === 'employed');
  const nationals = totals.find((t) => t.kind === 'percent' && t.shareOf === 'employed');
  const headline: ImpactHeadline | null =
    employed && employed.total !== null
      ? {
          organizations: employed.contributors,
          employed: employed.total,
          nationalsShare: nationals?.total ?? null,
          nationalsContributors: nationals?.contributors ?? 0,
        }
      : null;
  const bySector = input.sectors.map((sector): SectorImpact => {
    const trainedIn = totals.filter((t) => t.kind === 'count' && t.sector === sector.key && t.total !== null);
    return {
      key: sector.key,
      label: sector.label,
      partners: submissions.filter((s) => s.sectors.includes(sector.key)).length,
      trained: trainedIn.length ? trainedIn.reduce((a, t) => a + (t.total ?? 0), 0) : null,
    };
  });
  const byRegion = MALI_REGIONS.map((r) => ({ key: r.key, label: r.label, partners: submissions.filter((s) => s.regions.includes(r.key)).length }));
  return { year: input.year, partners: input.partners, contributors: submissions.length, headline, indicators: totals, bySector, byRegion };
}
