export * from './identity.module';
export { OrganizationsService, slugify } from './organizations/organizations.service';
export type { OrganizationView } from './organizations/organizations.service';
