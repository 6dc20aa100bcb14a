import { overlaps, panelShortfall, placementProblem } from './schedule-rules';
import { SessionRole } from './session-kinds';

const t = (hhmm: string, day = 10) => new Date(`2025-06-${day}T${hhmm}:00Z`);
const forum = { startsAt: t('08:00', 10), endsAt: t('18:00', 11), timeZone: 'Africa/Bamako' };

describe('overlap', () => {
  it.each([
    ['09:00', '10:00', '09:30', '10:30', true],
    ['09:00', '10:00', '10:00', '11:00', false],
    ['09:00', '12:00', '10:00', '11:00', true],
    ['10:00', '11:00', '09:00', '12:00', true],
    ['09:00', '10:00', '11:00', '12:00', false],
  ])('%s–%s against %s–%s: %p', (a1, a2, b1, b2, expected) => {
    expect(overlaps({ startsAt: t(a1), endsAt: t(a2) }, { startsAt: t(b1), endsAt: t(b2) })).toBe(expected);
  });
});

describe('where a session may sit', () => {
  it.each([
    ['inside day 1', t('09:00', 10), t('10:00', 10), null],
    ['the last minutes of the event', t('17:00', 11), t('18:00', 11), null],
    ['ending before it starts', t('10:00', 10), t('09:00', 10), 'INVALID_SESSION_TIMES'],
    ['of no length', t('10:00', 10), t('10:00', 10), 'INVALID_SESSION_TIMES'],
    ['before the event opens', t('07:00', 10), t('09:00', 10), 'SESSION_OUTSIDE_EVENT'],
    ['after the event closes', t('17:30', 11), t('18:30', 11), 'SESSION_OUTSIDE_EVENT'],
    ['the day after', t('09:00', 12), t('10:00', 12), 'SESSION_OUTSIDE_EVENT'],
    ['across midnight', t('22:00', 10), t('09:00', 11), 'SESSION_LONGER_THAN_DAY'],
    ['the whole event', t('08:00', 10), t('18:00', 11), 'SESSION_LONGER_THAN_DAY'],
  ])('%s → %p', (_label, startsAt, endsAt, expected) => {
    expect(placementProblem(forum, { startsAt, endsAt })?.code ?? null).toBe(expected);
  });

  it('counts days in the event’s zone, not UTC', () => {
    const paris = { startsAt: new Date('2025-06-10T06:00:00Z'), endsAt: new Date('2025-06-11T16:00:00Z'), timeZone: 'Europe/Paris' };
    // 23:00–00:30 UTC is 01:00–02:30 in Paris: one local day.
    expect(placementProblem(paris, { startsAt: new Date('2025-06-10T23:00:00Z'), endsAt: new Date('2025-06-11T00:30:00Z') })).toBeNull();
    // 21:30–22:30 UTC is 23:30–00:30 in Paris: across midnight.
    expect(placementProblem(paris, { startsAt: new Date('2025-06-10T21:30:00Z'), endsAt: new Date('2025-06-10T22:30:00Z') })?.code).toBe(
      'SESSION_LONGER_THAN_DAY',
    );
  });
});

describe('a panel', () => {
  const panel = (...roles: SessionRole[]) => ({ type: 'panel' as const, people: roles.map((role) => ({ role })) });
  it.each([
    [panel('moderator', 'panelist', 'panelist'), null],
    [panel('moderator', 'panelist', 'panelist', 'panelist', 'host'), null],
    [panel('moderator', 'panelist'), { moderators: 1, panelists: 1 }],
    [panel('panelist', 'panelist'), { moderators: 0, panelists: 2 }],
    [panel('moderator', 'moderator', 'panelist', 'panelist'), { moderators: 2, panelists: 2 }],
    [panel(), { moderators: 0, panelists: 0 }],
    [{ type: 'workshop' as const, people: [] }, null],
  ])('%j → %j', (session, expected) => {
    expect(panelShortfall(session)).toEqual(expected);
  });
});
