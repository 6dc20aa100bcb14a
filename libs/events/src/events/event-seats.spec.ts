import { EventSeats } from './event-seats';
import { anEventView } from '@palabre/testing';
import { registrationAvailability } from './events.service';

const NOW = new Date('2026-05-01T10:00:00Z');

describe('the seats of an event', () => {
  it('are unknown while no registration source counts them, never 0', async () => {
    expect(await new EventSeats().taken('e1')).toBeNull();
  });

  it('are what the registration source counts once one is plugged in', async () => {
    const seats = new EventSeats();
    seats.use({ seatsTaken: async (eventId) => (eventId === 'e1' ? 120 : 0), capacityChanged: async () => undefined });
    expect(await seats.taken('e1')).toBe(120);
  });
});

describe('registration availability', () => {
  it('gives no seats left when nobody counts them, and stays open by its window', () => {
    expect(registrationAvailability(anEventView(), NOW, null)).toEqual({ open: true, capacity: 3000, remaining: null });
  });

  it('gives the seats left when they are counted', () => {
    expect(registrationAvailability(anEventView(), NOW, 120)).toEqual({ open: true, capacity: 3000, remaining: 2880 });
  });

  it('stays open when every counted seat is taken: newcomers join the waiting list', () => {
    expect(registrationAvailability(anEventView(), NOW, 3000)).toEqual({ open: true, capacity: 3000, remaining: 0 });
  });

  it('has no limit to count on an event without a capacity', () => {
    expect(registrationAvailability(anEventView({ capacity: null }), NOW, null)).toEqual({ open: true, capacity: null, remaining: null });
  });
});
