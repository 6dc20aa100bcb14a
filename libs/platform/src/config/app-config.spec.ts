import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const c = loadConfig({}, '/srv/palabre');
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('/srv/palabre/var');
    expect(c.seedDemo).toBe(true);
    expect(c.mailTransport).toBe('file');
    expect(c.rateLimits).toBe(true);
  });

  it('does not seed by default on a real server, and sends by SMTP when SMTP_URL is set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', SMTP_URL: 'smtp://h:25' });
    expect(c.seedDemo).toBe(false);
    expect(c.mailTransport).toBe('smtp');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SEED_DEMO', 'maybe'],
    ['MAIL_TRANSPORT', 'pigeon'],
    ['RATE_LIMITS', 'sometimes'],
    ['PUBLIC_URL', 'not a url'],
  ])('names %s when it is %p', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual([variable]);
    expect((error as ConfigError).message).toContain(variable);
  });

  it('asks for SMTP_URL when MAIL_TRANSPORT=smtp', () => {
    expect(() => loadConfig({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL/);
  });
});
