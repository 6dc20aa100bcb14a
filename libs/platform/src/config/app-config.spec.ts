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

  it('is reached over https in production or behind an https PUBLIC_URL, never by default in development', () => {
    expect(loadConfig({}).overHttps()).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', PUBLIC_URL: 'http://localhost:8080' }).overHttps()).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://palabre.internal' }).overHttps()).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://palabre.example.org' }).overHttps()).toBe(true);
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

  it('tunes outbox delivery, with defaults that suit a real relay', () => {
    expect(loadConfig({})).toMatchObject({
      outboxBatchSize: 50,
      outboxLeaseSeconds: 120,
      outboxPollMs: 1000,
      outboxMaxAttempts: 10,
      outboxRetryBaseMs: 30_000,
    });
    const c = loadConfig({
      OUTBOX_BATCH_SIZE: '25',
      OUTBOX_LEASE_SECONDS: '2',
      OUTBOX_POLL_MS: '100',
      OUTBOX_MAX_ATTEMPTS: '3',
      OUTBOX_RETRY_BASE_MS: '500',
      MAIL_RATE_PER_MINUTE: '600',
    });
    expect(c).toMatchObject({
      outboxBatchSize: 25,
      outboxLeaseSeconds: 2,
      outboxPollMs: 100,
      outboxMaxAttempts: 3,
      outboxRetryBaseMs: 500,
      mailRatePerMinute: 600,
    });
    expect(() => loadConfig({ OUTBOX_BATCH_SIZE: '0' })).toThrow(/OUTBOX_BATCH_SIZE/);
    expect(() => loadConfig({ OUTBOX_LEASE_SECONDS: 'soon' })).toThrow(/OUTBOX_LEASE_SECONDS/);
  });

  it('texts to files by default, and asks each SMS transport for what it needs', () => {
    expect(loadConfig({}).sms).toMatchObject({ transport: 'file', from: 'Palabre', costPerSegment: 0, currency: 'XOF', dailyBudget: undefined });
    expect(loadConfig({}).sms.limits).toEqual({ perPhone: 5, perAddress: 60, perPrefix: 500 });
    expect(() => loadConfig({ SMS_TRANSPORT: 'http' })).toThrow(/SMS_HTTP_URL: is required when SMS_TRANSPORT=http/);
    expect(() => loadConfig({ SMS_TRANSPORT: 'orange', SMS_ORANGE_CLIENT_ID: 'id', SMS_ORANGE_SENDER: '2230000' })).toThrow(/SMS_ORANGE_CLIENT_SECRET/);
    const http = loadConfig({
      SMS_TRANSPORT: 'http',
      SMS_HTTP_URL: 'https://sms.example.ml/send',
      SMS_HTTP_AUTH_HEADER: 'Authorization: Bearer abc def',
      SMS_HTTP_FORMAT: 'form',
      SMS_COST_PER_SEGMENT: '12.5',
      SMS_DAILY_BUDGET: '50000',
    }).sms;
    expect(http).toMatchObject({ transport: 'http', costPerSegment: 12.5, dailyBudget: 50000 });
    expect(http.http).toEqual({
      url: 'https://sms.example.ml/send',
      format: 'form',
      body: 'to={to}&from={from}&text={text}&reference={id}',
      authHeader: { name: 'Authorization', value: 'Bearer abc def' },
    });
    for (const [variable, value] of [
      ['SMS_TRANSPORT', 'pigeon'],
      ['SMS_FROM', 'Un nom bien trop long'],
      ['SMS_COST_PER_SEGMENT', 'vingt'],
      ['SMS_HTTP_AUTH_HEADER', 'no colon'],
      ['SMS_DELIVERY_REPORT_SECRET', 'court'],
      ['SMS_LIMIT_PER_PHONE', '0'],
    ]) {
      expect(() => loadConfig({ [variable]: value })).toThrow(variable);
    }
  });

  it('sizes the in-flight limit from the database pool unless MAX_IN_FLIGHT says otherwise, and bounds the wait for a connection', () => {
    expect(loadConfig({}).maxInFlight).toBe(20);
    expect(loadConfig({ DATABASE_POOL_SIZE: '4' }).maxInFlight).toBe(8);
    expect(loadConfig({ MAX_IN_FLIGHT: '3' }).maxInFlight).toBe(3);
    expect(() => loadConfig({ MAX_IN_FLIGHT: '0' })).toThrow(/MAX_IN_FLIGHT/);
    expect(loadConfig({}).databasePoolTimeoutMs).toBe(5_000);
    expect(loadConfig({ DATABASE_POOL_TIMEOUT_MS: '250' }).databasePoolTimeoutMs).toBe(250);
    expect(() => loadConfig({ DATABASE_POOL_TIMEOUT_MS: 'never' })).toThrow(/DATABASE_POOL_TIMEOUT_MS/);
    expect(loadConfig({}).maxEventLoopDelayMs).toBe(500);
    expect(loadConfig({ NODE_ENV: 'test' }).maxEventLoopDelayMs).toBe(0);
    expect(loadConfig({ MAX_EVENT_LOOP_DELAY_MS: '0' }).maxEventLoopDelayMs).toBe(0);
  });

  it('gives the embedded database an idle deadline of 30 s unless told otherwise', () => {
    expect(loadConfig({}).embeddedIdleTimeoutMs).toBe(30_000);
    expect(loadConfig({ EMBEDDED_DB_IDLE_TIMEOUT_MS: '500' }).embeddedIdleTimeoutMs).toBe(500);
    expect(() => loadConfig({ EMBEDDED_DB_IDLE_TIMEOUT_MS: 'soon' })).toThrow(/EMBEDDED_DB_IDLE_TIMEOUT_MS/);
    expect(() => loadConfig({ EMBEDDED_DB_IDLE_TIMEOUT_MS: '0' })).toThrow(/EMBEDDED_DB_IDLE_TIMEOUT_MS/);
  });

  it('keeps sent mail 30 days unless OUTBOX_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).outboxRetentionDays).toBe(30);
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: '7' }).outboxRetentionDays).toBe(7);
    expect(() => loadConfig({ OUTBOX_RETENTION_DAYS: '0' })).toThrow(/OUTBOX_RETENTION_DAYS/);
  });

  it('takes a METRICS_TOKEN long enough not to be guessed', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'jeton-de-supervision-0123456789' }).metricsToken).toBe('jeton-de-supervision-0123456789');
    expect(() => loadConfig({ METRICS_TOKEN: 'court' })).toThrow(/METRICS_TOKEN/);
  });

  it('bounds the response cache in megabytes, 64 by default', () => {
    expect(loadConfig({}).responseCacheBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ RESPONSE_CACHE_MB: '8' }).responseCacheBytes).toBe(8 * 1024 * 1024);
    expect(() => loadConfig({ RESPONSE_CACHE_MB: '0' })).toThrow(/RESPONSE_CACHE_MB/);
    expect(() => loadConfig({ RESPONSE_CACHE_MB: 'lots' })).toThrow(/RESPONSE_CACHE_MB/);
  });

  it('asks for SMTP_URL when MAIL_TRANSPORT=smtp', () => {
    expect(() => loadConfig({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL/);
  });
});
