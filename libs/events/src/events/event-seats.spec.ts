import { EventSeats } from './event-seats';
import { EventView, registrationAvailability } from './events.service';

const NOW = new Date('2026-05-01T10:00:00Z');

/** A published event with 3000 seats, open for registration now. */
function aCappedEvent(overrides: Partial<EventView> = {}): EventView {
  return {
    id: 'e1',
    organizationId: 'o1',
    slug: 'forum',
    acronym: 'F',
    title: { fr: 'Forum' },
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
    ...overrides,
  };
}

describe('the seats of an event', () => {
  it('are unknown while no registration source counts them, never 0', async () => {
    expect(await new EventSeats().taken('e1')).toBeNull();
  });

  it('are what the registration source counts once one is plugged in', async () => {
    const seats = new EventSeats();
    seats.use({ seatsTaken: async (eventId) => (eventId === 'e1' ? 120 : 0) });
    expect(await seats.taken('e1')).toBe(120);
  });
});

describe('registration availability', () => {
  it('gives no seats left when nobody counts them, and stays open by its window', () => {
    expect(registrationAvailability(aCappedEvent(), NOW, null)).toEqual({ open: true, capacity: 3000, remaining: null });
  });

  it('gives the seats left when they are counted', () => {
    expect(registrationAvailability(aCappedEvent(), NOW, 120)).toEqual({ open: true, capacity: 3000, remaining: 2880 });
  });

  it('closes when every counted seat is taken', () => {
    expect(registrationAvailability(aCappedEvent(), NOW, 3000)).toEqual({ open: false, capacity: 3000, remaining: 0 });
  });

  it('has no limit to count on an event without a capacity', () => {
    expect(registrationAvailability(aCappedEvent({ capacity: null }), NOW, null)).toEqual({ open: true, capacity: null, remaining: null });
  });
});
