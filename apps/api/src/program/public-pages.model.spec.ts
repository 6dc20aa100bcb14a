import type { EventView } from '@palabre/events';
import { toEventPageModel } from './public-pages.model';

const NOW = new Date('2026-05-01T10:00:00Z');

const anOpenEvent = (): EventView => ({
  id: 'e1',
  organizationId: 'o1',
  slug: 'forum',
  acronym: 'F',
  title: { fr: 'Forum', en: 'Forum' },
  description: { fr: '' },
  startsAt: new Date('2026-06-10T08:00:00Z'),
  endsAt: new Date('2026-06-11T18:00:00Z'),
  timeZone: 'Africa/Bamako',
  venueName: 'CICB',
  venueAddress: 'Bamako',
  colour: '#000000',
  status: 'published',
  publishedAt: NOW,
  registrationOpensAt: null,
  registrationClosesAt: null,
  capacity: 3000,
  confirmEmail: false,
  holdHours: 24,
  questions: [],
  consentText: null,
  updatedAt: NOW,
});

describe('the registration block of the event page', () => {
  it('shows no seat count when nobody counts the seats (no registration module)', () => {
    const model = toEventPageModel(anOpenEvent(), null, { open: true, capacity: 3000, remaining: null }, NOW, 'fr');
    expect(model.registration.state).toBe('open');
    expect(model.registration.seats).toBeNull();
  });

  it('shows the seats left out of the capacity when they are counted', () => {
    expect(toEventPageModel(anOpenEvent(), null, { open: true, capacity: 3000, remaining: 2880 }, NOW, 'fr').registration.seats).toBe(
      '2880 places restantes sur 3000.',
    );
    expect(toEventPageModel(anOpenEvent(), null, { open: true, capacity: 3000, remaining: 2880 }, NOW, 'en').registration.seats).toBe(
      '2880 seats left out of 3000.',
    );
  });
});
