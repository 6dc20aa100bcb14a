import type { OrganizerRoute } from './organizer-routes';
import { eventRoute } from './program-admin-routes';

/** The figures of an event: the API, its CSV, the back-office tab and the printable report (`stats:read`). */
export const REPORTING_ROUTES: OrganizerRoute[] = [
  eventRoute('api', 'GET', 'the event’s figures', 'stats:read', '/stats'),
  eventRoute('api', 'GET', 'the figures as CSV', 'stats:read', '/stats.csv'),
  eventRoute('page', 'GET', 'the figures page', 'stats:read', '/stats'),
  eventRoute('page', 'GET', 'the printable report', 'stats:read', '/stats/report'),
];
