import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import * as path from 'node:path';

const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const s = String(value).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(s)) return true;
  if (['false', '0', 'no', 'off'].includes(s)) return false;
  return value; // left as is, so IsBoolean names the variable
};
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
/** A non-negative decimal (`25`, `0.03`); anything else stays as typed, for the validator to refuse. */
const toDecimal = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^\d+(\.\d+)?$/.test(String(value)) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The locks that keep a rule under concurrency, by name. A test may switch one off
 * (TEST_WITHOUT_LOCKS) to show that its concurrency test sees the failure the lock prevents.
 */
export const LOCK_NAMES = ['organization-members', 'outbox-claim', 'event-program', 'registration-seats'] as const;
export type LockName = (typeof LOCK_NAMES)[number];

/**
 * Requests in flight per pooled database connection, by default: one holding the connection,
 * one doing its own work (parsing, rendering) meanwhile; cached public reads take no place.
 * Every request in flight past that waits in the api, where it makes every turn of the event
 * loop longer, so the refusals too come late: `npm run bench:overload` at 8 per connection
 * refused the registration form's excess after 0.3–0.9 s (p99), at 2 per connection in
 * 11–135 ms, with the same throughput.
 */
export const IN_FLIGHT_PER_CONNECTION = 2;

/**
 * The process environment, validated once at boot. Nothing else reads process.env:
 * every service receives this object (or the part it needs) by injection.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO?: boolean;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['file', 'smtp'])
  MAIL_TRANSPORT?: 'file' | 'smtp';

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  MAIL_FROM?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAIL_RATE_PER_MINUTE?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['file', 'http', 'orange'])
  SMS_TRANSPORT?: 'file' | 'http' | 'orange';

  /** Sender shown on the phone: a name (11 letters or digits at most) or a number. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^([A-Za-z0-9 ]{1,11}|\+?\d{3,15})$/, { message: 'must be a name of 11 letters or digits at most, or a number' })
  SMS_FROM?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SMS_HTTP_URL?: string;

  /** `Name: value`, e.g. `Authorization: Bearer abc`. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[\w-]+:\s*\S.*$/, { message: 'must read "Header-Name: value"' })
  SMS_HTTP_AUTH_HEADER?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['json', 'form'])
  SMS_HTTP_FORMAT?: 'json' | 'form';

  /** The body with placeholders {to} {text} {from} {id}, escaped for the format. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  SMS_HTTP_BODY?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  SMS_ORANGE_CLIENT_ID?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  SMS_ORANGE_CLIENT_SECRET?: string;

  /** The number Orange sends from, country code first, without + (e.g. 2230000). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^\d{4,15}$/, { message: 'must be the sender number in digits, country code first, without +' })
  SMS_ORANGE_SENDER?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SMS_ORANGE_BASE_URL?: string;

  /** What a delivery report must carry (X-Report-Secret header, or ?secret=) to be believed. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(16)
  @Matches(/^\S+$/, { message: 'must not contain spaces' })
  SMS_DELIVERY_REPORT_SECRET?: string;

  /** Estimated price of one segment, in SMS_CURRENCY (e.g. 25 for 25 FCFA). */
  @IsOptional()
  @Transform(toDecimal)
  @IsNumber({}, { message: 'must be a number, e.g. 25 or 0.03' })
  @Min(0)
  SMS_COST_PER_SEGMENT?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Z]{3}$/, { message: 'must be a three-letter currency code, e.g. XOF' })
  SMS_CURRENCY?: string;

  /** Spent per UTC day in SMS_CURRENCY (segments when no cost is set); past it no SMS leaves. */
  @IsOptional()
  @Transform(toDecimal)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0)
  SMS_DAILY_BUDGET?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SMS_LIMIT_PER_PHONE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SMS_LIMIT_PER_ADDRESS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SMS_LIMIT_PER_PREFIX?: number;

  /** Digits after the + that make a destination prefix (country code and operator block). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(12)
  SMS_PREFIX_DIGITS?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['on', 'off'])
  RATE_LIMITS?: 'on' | 'off';

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TRUST_PROXY?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  WORKER_IN_PROCESS?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_POOL_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  MAX_IN_FLIGHT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  MAX_EVENT_LOOP_DELAY_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  EMBEDDED_DB_IDLE_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTBOX_BATCH_SIZE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  OUTBOX_LEASE_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  OUTBOX_POLL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  OUTBOX_MAX_ATTEMPTS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400_000)
  OUTBOX_RETRY_BASE_MS?: number;

  /** Tests only (refused outside NODE_ENV=test): locks to leave out, for the negative controls. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === '' || value === undefined
      ? undefined
      : String(value)
          .split(',')
          .map((v) => v.trim()),
  )
  @IsIn(LOCK_NAMES, { each: true })
  TEST_WITHOUT_LOCKS?: LockName[];

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  OUTBOX_RETENTION_DAYS?: number;

  /** Days after an event's end when its registrations are anonymized automatically (0: never). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  ANONYMIZE_AFTER_DAYS?: number;

  /** Two letters (ISO 3166): the country of a phone number written without its +code. */
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter country code, e.g. ML' })
  DEFAULT_PHONE_COUNTRY?: string;

  // Long enough not to be guessed: /metrics tells a lot about the traffic.
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(16)
  @Matches(/^\S+$/, { message: 'must not contain spaces' })
  METRICS_TOKEN?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65_536)
  RESPONSE_CACHE_MB?: number;

  // Signs certificates of attendance: long enough not to be guessed, the same in every api process.
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(32)
  CERTIFICATE_SECRET?: string;
}

/** The validated configuration every module receives. */
export class AppConfig {
  readonly env!: 'development' | 'production' | 'test';
  readonly port!: number;
  readonly publicUrl!: string;
  /** Unset means: start the embedded PostgreSQL under dataDir. */
  readonly databaseUrl?: string;
  readonly dataDir!: string;
  /** Signs certificates of attendance; unset: a key kept in `dataDir` (see CertificateKey). */
  readonly certificateSecret?: string;
  readonly seedDemo!: boolean;
  readonly mailTransport!: 'file' | 'smtp';
  readonly smtpUrl?: string;
  readonly mailFrom!: string;
  readonly mailRatePerMinute?: number;
  /** How SMS leave: files under dataDir/sms, a generic HTTP gateway, or Orange's SMS API. */
  readonly sms!: SmsConfig;
  readonly rateLimits!: boolean;
  readonly trustProxy?: string;
  readonly logLevel!: string;
  readonly logFormat!: 'json' | 'pretty';
  /** Run the worker's loops inside the api process (the default when the api runs alone). */
  readonly workerInProcess!: boolean;
  readonly databasePoolSize!: number;
  /** How long a request waits for a pooled database connection before it is answered 503. */
  readonly databasePoolTimeoutMs!: number;
  /**
   * Requests one api process serves at once (health and metrics aside); past it a request is
   * refused at once with a 503 and Retry-After instead of queueing behind the others.
   */
  readonly maxInFlight!: number;
  /**
   * How late the busy event loop may run before requests are refused the same way (0: never).
   * Off under NODE_ENV=test, where the test runner shares the loop.
   */
  readonly maxEventLoopDelayMs!: number;
  /**
   * Embedded database only: how long the connection holding PGlite's single session may stay
   * silent (idle in a transaction, or between the messages of one query) before it is cut and
   * rolled back, since every other connection waits for it meanwhile.
   */
  readonly embeddedIdleTimeoutMs!: number;
  /** Outbox delivery: rows claimed per batch (sent concurrently through the SMTP pool). */
  readonly outboxBatchSize!: number;
  /** How long a claimed row belongs to its worker; after that another worker takes it over. */
  readonly outboxLeaseSeconds!: number;
  /** How often a worker looks for due mail when nobody pokes it. */
  readonly outboxPollMs!: number;
  /** Tries before a message is marked failed. */
  readonly outboxMaxAttempts!: number;
  /** First retry delay; doubled on each attempt (with jitter), capped at an hour. */
  readonly outboxRetryBaseMs!: number;
  /** Locks switched off by a negative-control test; always empty outside NODE_ENV=test. */
  readonly withoutLocks!: ReadonlySet<LockName>;
  /** Sent messages older than this are deleted (their counts are kept). */
  readonly outboxRetentionDays!: number;
  /** When set, /metrics answers only `Authorization: Bearer <this>`. */
  readonly metricsToken?: string;
  /** Memory for rendered public answers (all their encodings); the least recently used go first. */
  readonly responseCacheBytes!: number;
  /** The country of a phone number written without its international prefix (ISO 3166 alpha-2). */
  readonly defaultPhoneCountry!: string;
  /** Days after an event's end when its registrations' personal data is erased by the system; 0: never. */
  readonly anonymizeAfterDays!: number;

  /** Whether the named lock is to be taken (always, except in a negative-control test). */
  locks(name: LockName): boolean {
    return !this.withoutLocks.has(name);
  }

  /**
   * Whether browsers reach the app over https (in production, or behind an https PUBLIC_URL):
   * cookies are then Secure and `__Host-` prefixed, and answers carry HSTS. Never in development.
   */
  overHttps(): boolean {
    return this.env === 'production' || this.publicUrl.startsWith('https:');
  }

  static from(values: Omit<AppConfig, 'locks' | 'overHttps'>): AppConfig {
    return Object.freeze(Object.assign(new AppConfig(), values));
  }
}

export interface SmsConfig {
  transport: 'file' | 'http' | 'orange';
  from: string;
  http?: { url: string; authHeader?: { name: string; value: string }; format: 'json' | 'form'; body: string };
  orange?: { clientId: string; clientSecret: string; sender: string; baseUrl: string };
  deliveryReportSecret?: string;
  costPerSegment: number;
  currency: string;
  /** In currency (segments when costPerSegment is 0); undefined: no budget. */
  dailyBudget?: number;
  /** Messages per hour. */
  limits: { perPhone: number; perAddress: number; perPrefix: number };
  prefixDigits: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super('Invalid configuration:\n' + problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'));
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env }, { enableImplicitConversion: false });
  const errors = validateSync(vars, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => ({
        variable: e.property,
        message: `${Object.values(e.constraints ?? {}).join('; ')} (got ${JSON.stringify(env[e.property])})`,
      })),
    );
  }
  const nodeEnv = (vars.NODE_ENV ?? 'development') as AppConfig['env'];
  const port = vars.PORT ?? 3000;
  const mailTransport = vars.MAIL_TRANSPORT ?? (vars.SMTP_URL ? 'smtp' : 'file');
  if (mailTransport === 'smtp' && !vars.SMTP_URL) {
    throw new ConfigError([{ variable: 'SMTP_URL', message: 'is required when MAIL_TRANSPORT=smtp' }]);
  }
  const sms = smsConfig(vars);
  if (vars.TEST_WITHOUT_LOCKS?.length && nodeEnv !== 'test') {
    throw new ConfigError([{ variable: 'TEST_WITHOUT_LOCKS', message: 'is for tests only (NODE_ENV=test)' }]);
  }
  return AppConfig.from({
    env: nodeEnv,
    port,
    publicUrl: (vars.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    databaseUrl: vars.DATABASE_URL,
    dataDir: path.resolve(cwd, vars.DATA_DIR ?? 'var'),
    seedDemo: vars.SEED_DEMO ?? !vars.DATABASE_URL,
    mailTransport,
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM ?? 'Palabre <no-reply@localhost>',
    mailRatePerMinute: vars.MAIL_RATE_PER_MINUTE,
    sms,
    rateLimits: (vars.RATE_LIMITS ?? 'on') === 'on',
    trustProxy: vars.TRUST_PROXY,
    logLevel: vars.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    logFormat: vars.LOG_FORMAT ?? (nodeEnv === 'production' || !process.stdout.isTTY ? 'json' : 'pretty'),
    workerInProcess: vars.WORKER_IN_PROCESS ?? true,
    databasePoolSize: vars.DATABASE_POOL_SIZE ?? 10,
    databasePoolTimeoutMs: vars.DATABASE_POOL_TIMEOUT_MS ?? 5_000,
    maxInFlight: vars.MAX_IN_FLIGHT ?? IN_FLIGHT_PER_CONNECTION * (vars.DATABASE_POOL_SIZE ?? 10),
    maxEventLoopDelayMs: vars.MAX_EVENT_LOOP_DELAY_MS ?? (nodeEnv === 'test' ? 0 : 500),
    embeddedIdleTimeoutMs: vars.EMBEDDED_DB_IDLE_TIMEOUT_MS ?? 30_000,
    outboxBatchSize: vars.OUTBOX_BATCH_SIZE ?? 50,
    outboxLeaseSeconds: vars.OUTBOX_LEASE_SECONDS ?? 120,
    outboxPollMs: vars.OUTBOX_POLL_MS ?? 1000,
    outboxMaxAttempts: vars.OUTBOX_MAX_ATTEMPTS ?? 10,
    outboxRetryBaseMs: vars.OUTBOX_RETRY_BASE_MS ?? 30_000,
    withoutLocks: new Set(vars.TEST_WITHOUT_LOCKS ?? []),
    outboxRetentionDays: vars.OUTBOX_RETENTION_DAYS ?? 30,
    metricsToken: vars.METRICS_TOKEN,
    responseCacheBytes: (vars.RESPONSE_CACHE_MB ?? 64) * 1024 * 1024,
    defaultPhoneCountry: vars.DEFAULT_PHONE_COUNTRY ?? 'ML',
    anonymizeAfterDays: vars.ANONYMIZE_AFTER_DAYS ?? 180,
    certificateSecret: vars.CERTIFICATE_SECRET,
  });
}

const HTTP_BODIES = {
  json: '{"to":"{to}","from":"{from}","text":"{text}","reference":"{id}"}',
  form: 'to={to}&from={from}&text={text}&reference={id}',
};

/** The SMS settings, each transport's required variables checked. */
function smsConfig(vars: EnvironmentVariables): SmsConfig {
  const transport = vars.SMS_TRANSPORT ?? 'file';
  const missing = (variable: string) => new ConfigError([{ variable, message: `is required when SMS_TRANSPORT=${transport}` }]);
  let http: SmsConfig['http'];
  let orange: SmsConfig['orange'];
  if (transport === 'http') {
    if (!vars.SMS_HTTP_URL) throw missing('SMS_HTTP_URL');
    const format = vars.SMS_HTTP_FORMAT ?? 'json';
    const header = vars.SMS_HTTP_AUTH_HEADER;
    const colon = header?.indexOf(':') ?? -1;
    http = {
      url: vars.SMS_HTTP_URL,
      format,
      body: vars.SMS_HTTP_BODY ?? HTTP_BODIES[format],
      authHeader: header ? { name: header.slice(0, colon).trim(), value: header.slice(colon + 1).trim() } : undefined,
    };
  }
  if (transport === 'orange') {
    if (!vars.SMS_ORANGE_CLIENT_ID) throw missing('SMS_ORANGE_CLIENT_ID');
    if (!vars.SMS_ORANGE_CLIENT_SECRET) throw missing('SMS_ORANGE_CLIENT_SECRET');
    if (!vars.SMS_ORANGE_SENDER) throw missing('SMS_ORANGE_SENDER');
    orange = {
      clientId: vars.SMS_ORANGE_CLIENT_ID,
      clientSecret: vars.SMS_ORANGE_CLIENT_SECRET,
      sender: vars.SMS_ORANGE_SENDER,
      baseUrl: (vars.SMS_ORANGE_BASE_URL ?? 'https://api.orange.com').replace(/\/+$/, ''),
    };
  }
  return {
    transport,
    from: vars.SMS_FROM ?? 'Palabre',
    http,
    orange,
    deliveryReportSecret: vars.SMS_DELIVERY_REPORT_SECRET,
    costPerSegment: vars.SMS_COST_PER_SEGMENT ?? 0,
    currency: vars.SMS_CURRENCY ?? 'XOF',
    dailyBudget: vars.SMS_DAILY_BUDGET,
    limits: { perPhone: vars.SMS_LIMIT_PER_PHONE ?? 5, perAddress: vars.SMS_LIMIT_PER_ADDRESS ?? 60, perPrefix: vars.SMS_LIMIT_PER_PREFIX ?? 500 },
    prefixDigits: vars.SMS_PREFIX_DIGITS ?? 5,
  };
}
