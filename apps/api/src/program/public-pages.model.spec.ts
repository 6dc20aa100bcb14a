import { anEventView } from '@palabre/testing';
import { toEventPageModel } from './public-pages.model';

const NOW = new Date('2026-05-01T10:00:00Z');

describe('the registration block of the event page', () => {
  it('shows no seat count when nobody counts the seats (no registration module)', () => {
    const model = toEventPageModel(anEventView(), null, { open: true, capacity: 3000, remaining: null }, NOW, 'fr');
    expect(model.registration.state).toBe('open');
    expect(model.registration.seats).toBeNull();
  });

  it('shows the seats left out of the capacity when they are counted', () => {
    expect(toEventPageModel(anEventView(), null, { open: true, capacity: 3000, remaining: 2880 }, NOW, 'fr').registration.seats).toBe(
      '2880 places restantes sur 3000.',
    );
    expect(toEventPageModel(anEventView(), null, { open: true, capacity: 3000, remaining: 2880 }, NOW, 'en').registration.seats).toBe(
      '2880 seats left out of 3000.',
    );
  });
});
