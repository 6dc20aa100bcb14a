import { eventDays, formatDuration, localDate, localTime, startOfLocalDay, toZonedIso, zonedInstant, zoneOffsetMinutes } from './zoned-time';

describe('zoned time', () => {
  const JUNE_MORNING = '2025-06-10T09:00:00Z';
  it.each([
    [JUNE_MORNING, 'Africa/Bamako', '2025-06-10T09:00:00+00:00'],
    [JUNE_MORNING, 'Europe/Paris', '2025-06-10T11:00:00+02:00'],
    ['2025-01-10T09:00:00Z', 'Europe/Paris', '2025-01-10T10:00:00+01:00'],
    ['2025-06-10T02:00:00Z', 'America/New_York', '2025-06-09T22:00:00-04:00'],
    [JUNE_MORNING, 'Asia/Kolkata', '2025-06-10T14:30:00+05:30'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(toZonedIso(new Date(instant), zone)).toBe(expected);
  });

  it('finds local midnight across a DST change', () => {
    expect(startOfLocalDay('2025-03-30', 'Europe/Paris').toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(startOfLocalDay('2025-03-31', 'Europe/Paris').toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(zoneOffsetMinutes(new Date('2025-03-31T00:00:00Z'), 'Europe/Paris')).toBe(120);
    expect(localDate(new Date('2025-06-09T23:30:00Z'), 'Europe/Paris')).toBe('2025-06-10');
  });

  it('cuts an event into its local days', () => {
    const days = eventDays({ startsAt: new Date('2025-06-10T08:00:00Z'), endsAt: new Date('2025-06-11T18:00:00Z'), timeZone: 'Africa/Bamako' });
    expect(days.map((d) => [d.index, d.date, d.start.toISOString(), d.end.toISOString()])).toEqual([
      [1, '2025-06-10', '2025-06-10T08:00:00.000Z', '2025-06-11T00:00:00.000Z'],
      [2, '2025-06-11', '2025-06-11T00:00:00.000Z', '2025-06-11T18:00:00.000Z'],
    ]);
  });

  it('does not count the day an event ends on at midnight', () => {
    const days = eventDays({ startsAt: new Date('2025-06-10T08:00:00Z'), endsAt: new Date('2025-06-11T00:00:00Z'), timeZone: 'Africa/Bamako' });
    expect(days).toHaveLength(1);
  });

  it('writes durations as hh:mm', () => {
    expect([formatDuration(30), formatDuration(90), formatDuration(600)]).toEqual(['00:30', '01:30', '10:00']);
  });
});

describe('zonedInstant', () => {
  it.each([
    ['2025-06-10', '09:00', 'Africa/Bamako', '2025-06-10T09:00:00.000Z'],
    ['2025-06-10', '09:00', 'Europe/Paris', '2025-06-10T07:00:00.000Z'],
    ['2025-01-10', '09:00', 'Europe/Paris', '2025-01-10T08:00:00.000Z'],
    ['2025-06-10', '00:30', 'Asia/Kolkata', '2025-06-09T19:00:00.000Z'],
    ['2025-06-09', '22:00', 'America/New_York', '2025-06-10T02:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(zonedInstant(date, time, zone)?.toISOString()).toBe(expected);
  });

  it('reads back what localDate and localTime write', () => {
    const instant = new Date('2025-10-26T01:30:00Z');
    expect(zonedInstant(localDate(instant, 'Europe/Paris'), localTime(instant, 'Europe/Paris'), 'Europe/Paris')?.toISOString()).toBe(instant.toISOString());
  });

  it.each([
    ['2025-02-30', '09:00'],
    ['2025-06-10', '24:00'],
    ['2025-06-10', '9:00'],
    ['10/06/2025', '09:00'],
    ['', ''],
  ])('refuses %s %s', (date, time) => {
    expect(zonedInstant(date, time, 'Africa/Bamako')).toBeNull();
  });
});
