import { decodeComponent, findNul, findUnreadable, poisonedField, readPairs, unreadableQuery, unreadableRawHeader } from './unreadable-input';

describe('reading text strictly at the edge', () => {
  it.each([
    ['caf%C3%A9+noir', 'café noir'],
    ['100%', '100%'],
    ['%zz', '%zz'],
    ['%00', '\0'],
    ['%C3%28', undefined],
    ['%FF', undefined],
  ])('decodes %p as %p', (part, decoded) => {
    expect(decodeComponent(part)).toBe(decoded);
  });

  it('reads pairs like a query parser, naming the field that is unreadable', () => {
    expect(readPairs('a=1&b=2&b=3&c', 'query')).toEqual({ ok: true, value: Object.assign(Object.create(null), { a: '1', b: ['2', '3'], c: '' }) });
    expect(readPairs('__proto__=x', 'body')).toMatchObject({ ok: true });
    expect(Object.getPrototypeOf((readPairs('__proto__=x', 'body') as { value: object }).value)).toBeNull();
    expect(readPairs('ok=1&q=%FF', 'query')).toEqual({ ok: false, field: 'q' });
    expect(readPairs('q=a%00b', 'query')).toEqual({ ok: false, field: 'q' });
    expect(readPairs('%C3%28=1', 'query')).toEqual({ ok: false, field: 'query' });
  });

  it('finds a query field only where an escape could hide one', () => {
    expect(unreadableQuery('/api/v1/events')).toBeUndefined();
    expect(unreadableQuery('/api/v1/events?page=2&lang=en')).toBeUndefined();
    expect(unreadableQuery('/api/v1/events?page=%00')).toBe('page');
  });

  it('names the path of a NUL in a parsed body, names included, however deep', () => {
    expect(findNul({ title: { fr: 'Forum', en: 'a\0' } })).toBe('title.en');
    expect(findNul({ people: [{ role: 'speaker' }, { role: 'x\0' }] })).toBe('people.1.role');
    expect(findNul({ 'a\0': 1 })).toBe('body');
    expect(findNul('\0')).toBe('body');
    expect(findNul({ title: { fr: 'Forum' }, n: 3, ok: true, none: null })).toBeUndefined();
    let deep: unknown = 'a\0';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNul(deep)).toMatch(/^0(\.0)+$/);
  });

  it('names a header whose bytes are not UTF-8 (Node reads them as latin1)', () => {
    expect(unreadableRawHeader(['User-Agent', 'Mozilla/5.0', 'Accept-Language', 'fr'])).toBeUndefined();
    expect(unreadableRawHeader(['X-Name', Buffer.from('café').toString('latin1')])).toBeUndefined();
    expect(unreadableRawHeader(['X-Name', 'caf\u00c3\u0028'])).toBe('x-name');
    expect(unreadableRawHeader(['X-Name', 'ok', 'X-Name', 'a\0'])).toBe('x-name');
  });

  // Found by the bad-input walk: "\ud800" in a JSON body reached PostgreSQL's json (a 500) and the e-mail check (a URIError, a 500).
  it('names a lone surrogate in a parsed body, and lets whole characters through', () => {
    expect(findUnreadable({ note: 'x\ud800' })).toBe('note');
    expect(findUnreadable({ people: [{ name: '\udfffy' }] })).toBe('people.0.name');
    expect(findUnreadable({ email: 'a\0@b.ml' })).toBe('email');
    expect(findUnreadable({ name: 'Awa 🎉👩🏽‍💻', rtl: '\u202eغرفة', marks: 'e\u0301' })).toBeUndefined();
  });

  // Found by the bad-input walk: Fastify refused these names as "invalid JSON", naming no field.
  it('names the __proto__ or constructor.prototype a JSON text carries, however deep', () => {
    expect(poisonedField('{"__proto__": {"isAdmin": true}}')).toBe('__proto__');
    expect(poisonedField('{"a": [{"constructor": {"prototype": {}}}]}')).toBe('a.0.constructor');
    expect(poisonedField('{"constructor": "a name like another"}')).toBeUndefined();
    expect(poisonedField('{"title": ')).toBeUndefined();
  });
});
