import { matchesIfNoneMatch, strongEtag } from './conditional-get';

describe('conditional GET', () => {
  const etag = strongEtag('BEGIN:VCALENDAR');

  it('gives the same bytes the same strong tag, and other bytes another', () => {
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(strongEtag('BEGIN:VCALENDAR')).toBe(etag);
    expect(strongEtag('BEGIN:VCALENDAR ')).not.toBe(etag);
  });

  it.each([
    [undefined, false],
    ['', false],
    ['*', true],
    [etag, true],
    [`W/${etag}`, true],
    [`"other", ${etag}`, true],
    ['"other"', false],
    [`${etag.slice(0, -1)}-gzip"`, true],
    [`${etag.slice(0, -1)}-br"`, true],
  ])('If-None-Match %p → %p', (header, expected) => {
    expect(matchesIfNoneMatch(header, etag)).toBe(expected);
  });
});
