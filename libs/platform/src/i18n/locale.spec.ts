import { localeFromAcceptLanguage, pick, resolveLocale, translate } from './locale';

describe('locale', () => {
  it.each([
    [undefined, undefined],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE, fr;q=0.5, en;q=0.4', 'fr'],
    ['de, es', undefined],
    ['fr;q=0.1, en;q=0.8', 'en'],
    ['en;q=0, fr', 'fr'],
  ])('Accept-Language %p gives %p', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
    // A second time from what it remembered, the same.
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it('keeps answering right past what it remembers, and for headers too long to remember', () => {
    for (let i = 0; i < 600; i++) expect(localeFromAcceptLanguage(`x${i}, en;q=0.${(i % 9) + 1}`)).toBe('en');
    const long = `${'de;q=0.9, '.repeat(30)}fr;q=0.5`;
    expect(localeFromAcceptLanguage(long)).toBe('fr');
    expect(localeFromAcceptLanguage(long)).toBe('fr');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
  });

  it('prefers ?lang, then the cookie, then the header, then French', () => {
    const headers = { 'accept-language': 'en' };
    expect(resolveLocale({ query: { lang: 'fr' }, cookies: { lang: 'en' }, headers })).toBe('fr');
    expect(resolveLocale({ query: { lang: 'xx' }, cookies: { lang: 'en' }, headers: {} })).toBe('en');
    expect(resolveLocale({ query: {}, headers })).toBe('en');
    expect(resolveLocale({ headers: {} })).toBe('fr');
  });

  it('falls back to French when English is missing', () => {
    expect(pick({ fr: 'Salle' }, 'en')).toBe('Salle');
    expect(translate({ fr: 'Bonjour {name}', en: 'Hello {name}' }, 'en', { name: 'Awa' })).toBe('Hello Awa');
  });
});
