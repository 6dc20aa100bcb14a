import type { Localized } from '@palabre/platform';

/**
 * The categories the organizers report figures by (domain.md, "Statistics"): each with its
 * labels for forms and exports. Stored as these values; a registration may leave any unset.
 */
export const ORGANIZATION_TYPES = {
  ngo: { fr: 'ONG / association', en: 'NGO / association' },
  public: { fr: 'Administration publique', en: 'Public administration' },
  private: { fr: 'Entreprise', en: 'Business' },
  education: { fr: 'École, université, centre de formation', en: 'School, university, training centre' },
  international: { fr: 'Organisation internationale', en: 'International organization' },
  jobseeker: { fr: 'Sans organisation (en recherche d’emploi)', en: 'No organization (job seeker)' },
  other: { fr: 'Autre', en: 'Other' },
} satisfies Record<string, Localized>;

export const GENDERS = {
  female: { fr: 'Femme', en: 'Woman' },
  male: { fr: 'Homme', en: 'Man' },
  other: { fr: 'Autre', en: 'Other' },
  undisclosed: { fr: 'Préfère ne pas dire', en: 'Prefer not to say' },
} satisfies Record<string, Localized>;

export const AGE_GROUPS = {
  'under-18': { fr: 'Moins de 18 ans', en: 'Under 18' },
  '18-24': { fr: '18 à 24 ans', en: '18 to 24' },
  '25-34': { fr: '25 à 34 ans', en: '25 to 34' },
  '35-44': { fr: '35 à 44 ans', en: '35 to 44' },
  '45-plus': { fr: '45 ans et plus', en: '45 and over' },
} satisfies Record<string, Localized>;

export type OrganizationType = keyof typeof ORGANIZATION_TYPES;
export type Gender = keyof typeof GENDERS;
export type AgeGroup = keyof typeof AGE_GROUPS;
