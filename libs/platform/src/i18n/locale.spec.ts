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
