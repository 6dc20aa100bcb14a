import type { Localized } from '@palabre/platform';
import catalog from '../registration.labels.json';

/**
 * The categories the organizers report figures by (domain.md, "Statistics"): each with its
 * labels for forms and exports. Stored as these values; a registration may leave any unset.
 */
export const ORGANIZATION_TYPES = catalog.organizationTypes satisfies Record<string, Localized>;

export const GENDERS = catalog.genders satisfies Record<string, Localized>;

export const AGE_GROUPS = catalog.ageGroups satisfies Record<string, Localized>;

export type OrganizationType = keyof typeof ORGANIZATION_TYPES;
export type Gender = keyof typeof GENDERS;
export type AgeGroup = keyof typeof AGE_GROUPS;
