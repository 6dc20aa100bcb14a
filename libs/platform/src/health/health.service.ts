import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CheckResult {
  ok: boolean;
  [detail: string]: unknown;
}

type Check = () => Promise<CheckResult>;

/** Readiness checks: the database, plus whatever contexts register (the outbox's lag). */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, Check>();

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

  async readiness(): Promise<{ ok: boolean; checks: Record<string, CheckResult> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, CheckResult]> => {
        try {
          return [name, await withTimeout(check(), 3000)];
        } catch (error) {
          return [name, { ok: false, error: (error as Error).message }];
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    return { ok: entries.every(([, r]) => r.ok), checks };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}
