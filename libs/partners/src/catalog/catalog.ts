import type { Localized } from '@palabre/platform';

/** The sectors every forum starts with; a forum adds its own (PartnerSector rows). */
export const DEFAULT_SECTORS: { key: string; label: Localized }[] = [
  { key: 'training', label: { fr: 'Formation', en: 'Training' } },
  { key: 'entrepreneurship', label: { fr: 'Entrepreneuriat', en: 'Entrepreneurship' } },
  { key: 'agriculture', label: { fr: 'Agriculture', en: 'Farming' } },
  { key: 'livestock', label: { fr: 'Élevage', en: 'Livestock' } },
  { key: 'health', label: { fr: 'Santé', en: 'Health' } },
  { key: 'environment', label: { fr: 'Environnement', en: 'Environment' } },
];

/** The regions of Mali (and the District of Bamako) where a partner may work. */
export const MALI_REGIONS: { key: string; label: string }[] = [
  { key: 'bamako', label: 'District de Bamako' },
  { key: 'kayes', label: 'Kayes' },
  { key: 'koulikoro', label: 'Koulikoro' },
  { key: 'sikasso', label: 'Sikasso' },
  { key: 'segou', label: 'Ségou' },
  { key: 'mopti', label: 'Mopti' },
  { key: 'tombouctou', label: 'Tombouctou' },
  { key: 'gao', label: 'Gao' },
  { key: 'kidal', label: 'Kidal' },
  { key: 'menaka', label: 'Ménaka' },
  { key: 'taoudenit', label: 'Taoudénit' },
];
export const REGION_KEYS = MALI_REGIONS.map((r) => r.key);

export function regionLabel(key: string): string {
  return MALI_REGIONS.find((r) => r.key === key)?.label ?? key;
}

export const OPPORTUNITY_KINDS = ['job', 'internship', 'training', 'call'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
export const OPPORTUNITY_KIND_LABELS: Record<OpportunityKind, Localized> = {
  job: { fr: 'Emploi', en: 'Job' },
  internship: { fr: 'Stage', en: 'Internship' },
  training: { fr: 'Formation', en: 'Training' },
  call: { fr: 'Appel à projets', en: 'Call for projects' },
};

export const INDICATOR_KINDS = ['count', 'percent'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface IndicatorDefinition {
  key: string;
  label: Localized;
  /** `count`: people; `percent`: a share (0–100) of another indicator, `shareOf`. */
  kind: IndicatorKind;
  /** The sector the people were trained in, for the figures by sector. */
  sector: string | null;
  shareOf: string | null;
}

/** The indicators a forum starts with: the figures read out at Job Cluster's opening. */
export const DEFAULT_INDICATORS: IndicatorDefinition[] = [
  { key: 'employed', label: { fr: 'Personnes employées', en: 'People employed' }, kind: 'count', sector: null, shareOf: null },
  {
    key: 'employed-nationals',
    label: { fr: 'Part de nationaux parmi les personnes employées', en: 'Share of nationals among the people employed' },
    kind: 'percent',
    sector: null,
    shareOf: 'employed',
  },
  { key: 'youth-trained', label: { fr: 'Jeunes formés', en: 'Young people trained' }, kind: 'count', sector: null, shareOf: null },
  {
    key: 'income-supported',
    label: { fr: 'Personnes accompagnées dans des activités génératrices de revenus', en: 'People supported in income-generating activities' },
    kind: 'count',
    sector: null,
    shareOf: null,
  },
  { key: 'trained-health', label: { fr: 'Agents de santé formés', en: 'Health workers trained' }, kind: 'count', sector: 'health', shareOf: null },
  {
    key: 'trained-farming',
    label: { fr: 'Personnes formées en agriculture', en: 'People trained in farming' },
    kind: 'count',
    sector: 'agriculture',
    shareOf: null,
  },
  {
    key: 'trained-livestock',
    label: { fr: 'Personnes formées en élevage', en: 'People trained in livestock' },
    kind: 'count',
    sector: 'livestock',
    shareOf: null,
  },
  {
    key: 'trained-environment',
    label: { fr: "Personnes formées à la protection de l'environnement", en: 'People trained in environmental protection' },
    kind: 'count',
    sector: 'environment',
    shareOf: null,
  },
];

export const FIGURES_STATUSES = ['draft', 'submitted', 'sent_back', 'accepted'] as const;
export type FiguresStatus = (typeof FIGURES_STATUSES)[number];
export const FIGURES_STATUS_LABELS: Record<FiguresStatus, { fr: string; en: string }> = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  submitted: { fr: 'Soumis, en relecture', en: 'Submitted, under review' },
  sent_back: { fr: 'Renvoyé pour correction', en: 'Sent back for changes' },
  accepted: { fr: 'Accepté', en: 'Accepted' },
};

/** A key of the catalog (a sector, an indicator): lowercase letters, digits and dashes. */
export const KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
