import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Metric, Registry } from 'prom-client';
import { RequestDurations } from './request-durations';

/** The process's Prometheus registry; contexts add their counters here. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new RequestDurations();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'palabre_' });
    // The registry asks a metric only for its name and get(): RequestDurations gives what prom-client's Histogram would.
    this.registry.registerMetric(this.httpDuration as unknown as Metric);
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return (this.registry.getSingleMetric(name) as Counter<L>) ?? new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return (this.registry.getSingleMetric(name) as Gauge<L>) ?? new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
