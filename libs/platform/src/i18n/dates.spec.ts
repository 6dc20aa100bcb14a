import { dateFormat, isTimeZone } from './dates';

const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };

describe('dates', () => {
  const noon = new Date('2030-06-10T12:00:00Z');

  it('formats in the locale and the zone', () => {
    expect(dateFormat('fr', 'Africa/Bamako', DAY).format(noon)).toBe('lundi 10 juin');
    expect(dateFormat('en', 'Pacific/Kiritimati', DAY).format(new Date('2030-06-10T23:00:00Z'))).toBe('Tuesday 11 June');
  });

  it('builds a formatter once per style, locale and zone', () => {
    expect(dateFormat('fr', 'UTC', DAY)).toBe(dateFormat('fr', 'UTC', DAY));
    expect(dateFormat('fr', 'UTC', DAY)).not.toBe(dateFormat('en', 'UTC', DAY));
    expect(dateFormat('fr', 'UTC', DAY)).not.toBe(dateFormat('fr', 'Europe/Paris', DAY));
  });

  it('knows the zones of this runtime, and nothing else', () => {
    expect(isTimeZone('Africa/Bamako')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(`Africa/${'x'.repeat(60)}`)).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});
