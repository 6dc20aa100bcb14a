import type { OrganizerRoute } from './organizer-routes';
import { eventRoute } from './program-admin-routes';

let counter = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++counter}`;

/** The desk page and its forms (they answer the page with the result), and the organizers' conflict list. */
export const CHECK_IN_ROUTES: OrganizerRoute[] = [
  eventRoute('page', 'GET', 'desk page', 'checkin:write', '/accueil'),
  {
    ...eventRoute('page', 'POST', 'desk scan form', 'checkin:write', '/accueil', () => ({ door: 'entrance', code: 'ABCD-EFGH-JKLM-NPQR' })),
    answers: 'page',
  },
  {
    ...eventRoute('page', 'POST', 'desk walk-in form', 'checkin:write', '/accueil/walk-in', () => ({
      door: 'entrance',
      firstName: 'Awa',
      lastName: 'Traoré',
      email: `${unique('walk-in')}@example.org`,
    })),
    answers: 'page',
  },
  eventRoute('api', 'GET', 'check-in conflicts', 'registrations:write', '/check-ins/conflicts'),
];
