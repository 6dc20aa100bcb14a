import { Injectable } from '@nestjs/common';
import type { BackgroundJob } from './job-runner';

/** A job's schedule: every `BackgroundJob` setting but its name and its work. */
export type JobSchedule = Omit<BackgroundJob, 'name' | 'tick'>;

/**
 * A background job as an injectable class: its name and schedule stated once, by `@Job(…)`;
 * the class brings its dependencies and `tick()`.
 *
 * @example
 * \@Job(OUTBOX_PURGE_JOB, { intervalMs: 60 * 60_000 })
 * export class OutboxPurge extends ScheduledJob { … }
 */
export abstract class ScheduledJob implements BackgroundJob {
  declare readonly name: string;
  declare readonly intervalMs: number;
  abstract tick(): Promise<number>;
}

/** Names and schedules a `ScheduledJob` (and makes it injectable); the module still registers it with the JobRunner. */
export function Job(name: string, schedule: JobSchedule): ClassDecorator {
  return (target) => {
    Object.assign(target.prototype as object, { name, ...schedule });
    Injectable()(target);
  };
}
