import { SqlMigration } from '../sql-migration';

export class JobRuns1796045765550 extends SqlMigration {
  name = 'JobRuns1796045765550';

  upSql = [
    "CREATE TABLE \"job_runs\" (\"name\" text NOT NULL, \"next_run_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"running_by\" text, \"running_until\" TIMESTAMP WITH TIME ZONE, \"last_started_at\" TIMESTAMP WITH TIME ZONE, \"last_finished_at\" TIMESTAMP WITH TIME ZONE, \"last_succeeded_at\" TIMESTAMP WITH TIME ZONE, \"last_failed_at\" TIMESTAMP WITH TIME ZONE, \"last_error\" text, \"consecutive_failures\" integer NOT NULL DEFAULT '0', \"runs\" integer NOT NULL DEFAULT '0', \"failures\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_b85618ada5b365476f91f989ed5\" PRIMARY KEY (\"name\"))",
  ];

  downSql = [
    "DROP TABLE \"job_runs\"",
  ];
}
