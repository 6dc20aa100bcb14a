import type { Localized } from '@palabre/platform';
import { AGE_GROUPS, FigureCategory, GENDERS, ORGANIZATION_TYPES } from '@palabre/registration';

/** Each breakdown's name, and its values with their labels (a region is free text: its values are what people typed). */
export const CATEGORIES: Record<FigureCategory, { label: Localized; values: Record<string, Localized> | null }> = {
  gender: { label: { fr: 'Genre', en: 'Gender' }, values: GENDERS },
  ageGroup: { label: { fr: "Tranche d'âge", en: 'Age group' }, values: AGE_GROUPS },
  region: { label: { fr: 'Région', en: 'Region' }, values: null },
  organizationType: { label: { fr: "Type d'organisation", en: 'Organization type' }, values: ORGANIZATION_TYPES },
};

export const NOT_GIVEN: Localized = { fr: 'Non renseigné', en: 'Not given' };
