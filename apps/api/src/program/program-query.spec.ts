import { ProgramChoices, parseProgramQuery, selectionKey, selectionQuery } from './program-query';

const day = (index: number, date: string) => ({ index, date, start: Date.parse(`${date}T00:00:00Z`), end: Date.parse(`${date}T00:00:00Z`) + 86_400_000 });
const choices: ProgramChoices = {
  release: 3,
  timeZone: 'Africa/Bamako',
  days: [day(1, '2030-06-10'), day(2, '2030-06-11')],
  trackIds: ['t1', 't2'],
  roomIds: ['r1'],
  types: ['panel', 'workshop'],
  languages: ['fr', 'bm'],
};
const before = Date.parse('2030-06-01T10:00:00Z');
const duringDay2 = Date.parse('2030-06-11T10:00:00Z');

describe('parseProgramQuery', () => {
  it('opens on the first day before the event and on today during it', () => {
    expect(parseProgramQuery({}, choices, before)).toEqual({ day: 1, dayChosen: false, filter: {} });
    expect(parseProgramQuery({}, choices, duringDay2)).toEqual({ day: 2, dayChosen: false, filter: {} });
  });

  it('reads the day and the filters the release offers', () => {
    expect(parseProgramQuery({ jour: '2', parcours: 't2', salle: 'r1', type: 'workshop', langue: 'bm' }, choices, before)).toEqual({
      day: 2,
      dayChosen: true,
      filter: { trackId: 't2', roomId: 'r1', type: 'workshop', language: 'bm' },
    });
    expect(parseProgramQuery({ jour: 'tous' }, choices, before).day).toBe('all');
  });

  it('ignores what the release does not offer, empty fields and repeated parameters beyond the first', () => {
    expect(parseProgramQuery({ jour: '7', parcours: 'nope', salle: '', type: 'concert', langue: ['bm', 'fr'], lang: 'en' }, choices, before)).toEqual({
      day: 1,
      dayChosen: false,
      filter: { language: 'bm' },
    });
  });

  it('gives one cache key per real selection, whatever the order or the noise', () => {
    const a = parseProgramQuery({ parcours: 't1', type: 'panel', x: '1' }, choices, before);
    const b = parseProgramQuery({ type: 'panel', parcours: 't1', salle: 'other' }, choices, before);
    expect(selectionKey(a)).toBe(selectionKey(b));
    expect(selectionKey(a)).not.toBe(selectionKey(parseProgramQuery({ parcours: 't1' }, choices, before)));
    expect(selectionKey(parseProgramQuery({ jour: '1' }, choices, before))).not.toBe(selectionKey(parseProgramQuery({}, choices, before)));
  });

  it('writes a selection back as a query, in a fixed order, lang only for English', () => {
    const s = parseProgramQuery({ langue: 'fr', jour: '2', parcours: 't1' }, choices, before);
    expect(selectionQuery(s, 'fr')).toBe('?jour=2&parcours=t1&langue=fr');
    expect(selectionQuery(s, 'en', 'all')).toBe('?jour=tous&parcours=t1&langue=fr&lang=en');
    expect(selectionQuery({ ...s, dayChosen: false, filter: {} }, 'fr')).toBe('');
  });
});
