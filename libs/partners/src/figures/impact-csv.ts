import { CSV_BOM, csvLine, Locale, pick, translator } from '@palabre/platform';
import type { Impact } from './impact';

/**
 * The impact as CSV, one figure a line (section, item, measure, value, contributors), in the
 * caller's language: UTF-8 with a BOM, formula-like cells neutralized. A value nobody gave is
 * an empty cell, never a zero.
 */
export function impactCsv(impact: Impact, locale: Locale): string {
  const t = translator(locale);
  const lines = [csvLine([t('Rubrique', 'Section'), t('Élément', 'Item'), t('Mesure', 'Measure'), t('Valeur', 'Value'), t('Organisations', 'Organizations')])];
  const add = (section: string, item: string, measure: string, value: number | null, contributors: number | null) =>
    lines.push(csvLine([section, item, measure, value, contributors]));
  const year = String(impact.year ?? '');
  add(t('Partenaires', 'Partners'), year, t('Partenaires de l’événement', 'Partners of the event'), impact.partners, null);
  add(t('Partenaires', 'Partners'), year, t('Chiffres acceptés', 'Accepted figures'), impact.contributors, null);
  for (const i of impact.indicators) {
    add(
      t('Indicateurs', 'Indicators'),
      pick(i.label, locale),
      i.kind === 'percent' ? t('Part (%)', 'Share (%)') : t('Personnes', 'People'),
      i.total,
      i.contributors,
    );
    if (i.kind === 'percent') add(t('Indicateurs', 'Indicators'), pick(i.label, locale), t('Personnes', 'People'), i.people, i.contributors);
  }
  for (const s of impact.bySector) {
    add(t('Par secteur', 'By sector'), pick(s.label, locale), t('Organisations', 'Organizations'), s.partners, null);
    add(t('Par secteur', 'By sector'), pick(s.label, locale), t('Personnes formées', 'People trained'), s.trained, null);
  }
  for (const r of impact.byRegion) add(t('Par région', 'By region'), r.label, t('Organisations', 'Organizations'), r.partners, null);
  return CSV_BOM + lines.join('');
}
