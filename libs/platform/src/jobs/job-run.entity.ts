import { Entity } from 'typeorm';
import { IntColumn, PrimaryTextColumn, TextColumn, TimestampColumn } from '../database/entity-bases';

/**
 * The state of one background job, shared by every process that runs it: when it is next
 * due, who runs it now, how its last runs went. A crash loses none of it: a job in backoff
 * stays in backoff, and a job that was due is run by the next process that looks.
 */
@Entity('job_runs')
export class JobRun {
  /** The job's name (`outbox`, `identity-sweep`, …). */
  @PrimaryTextColumn() name: string;

  /** When the job is next due: its interval after a success, its backoff after a failure. */
  @TimestampColumn() nextRunAt: Date;

  /** The runner that runs the job now (host/pid/random), null between runs. */
  @TextColumn({ nullable: true }) runningBy: string | null;

  /**
   * Until when that runner holds the job. On the embedded database, where every connection
   * shares one session and advisory locks cannot tell processes apart, this lease is the lock
   * (renewed while the run lasts); on a server, the advisory lock is, and this is for people.
   */
  @TimestampColumn({ nullable: true }) runningUntil: Date | null;
  @TimestampColumn({ nullable: true }) lastStartedAt: Date | null;
  @TimestampColumn({ nullable: true }) lastFinishedAt: Date | null;
  @TimestampColumn({ nullable: true }) lastSucceededAt: Date | null;
  @TimestampColumn({ nullable: true }) lastFailedAt: Date | null;

  /** The last failure's message (cut to 500 characters); cleared by a success. */
  @TextColumn({ nullable: true }) lastError: string | null;

  /** Failures since the last success: the backoff doubles with each. */
  @IntColumn({ default: 0 }) consecutiveFailures: number;
  @IntColumn({ default: 0 }) runs: number;
  @IntColumn({ default: 0 }) failures: number;
}
