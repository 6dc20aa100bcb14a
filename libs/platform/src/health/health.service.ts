import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CheckResult {
  ok: boolean;
  [detail: string]: unknown;
}

type Check = () => Promise<CheckResult>;

export interface Readiness {
  ok: boolean;
  /** The names of the checks that failed. */
  failing: string[];
  checks: Record<string, CheckResult>;
}

class CheckTimeout extends Error {}

/**
 * Readiness checks: the database, plus whatever contexts register (the outbox's lag). The
 * answer is public: it names a failing check and keeps its figures, never an exception's text
 * (hosts, addresses, stacks) nor any other text — those go to the log.
 */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, Check>();
  private readonly logger = new Logger('Health');

  constructor(dataSource: DataSource) {
    this.register('database', async () => {
      const started = Date.now();
      await dataSource.query('SELECT 1');
      return { ok: true, latencyMs: Date.now() - started };
    });
  }

  register(name: string, check: Check): void {
    this.checks.set(name, check);
  }

  async readiness(): Promise<Readiness> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, CheckResult]> => {
        try {
          const result = await withTimeout(check(), 3000);
          if (!result.ok) this.logger.warn({ check: name, result }, `readiness check ${name} failing`);
          return [name, figuresOnly(result)];
        } catch (error) {
          this.logger.warn({ check: name, err: (error as Error)?.message ?? String(error) }, `readiness check ${name} failed`);
          return [name, { ok: false, error: error instanceof CheckTimeout ? 'timeout' : 'check failed' }];
        }
      }),
    );
    return { ok: entries.every(([, r]) => r.ok), failing: entries.filter(([, r]) => !r.ok).map(([name]) => name), checks: Object.fromEntries(entries) };
  }
}

/** A check's own details, numbers and booleans only: a string may carry an error's text or a host. */
function figuresOnly(result: CheckResult): CheckResult {
  const kept: CheckResult = { ok: result.ok === true };
  for (const [key, value] of Object.entries(result)) {
    if (key !== 'ok' && ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean')) kept[key] = value;
  }
  return kept;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new CheckTimeout(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}
