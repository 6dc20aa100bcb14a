import { SqlMigration } from '../sql-migration';

export class Init1795937737777 extends SqlMigration {
  name = 'Init1795937737777';

  upSql = [
    // Exclusion constraints on (room, time range) need btree_gist.
    'CREATE EXTENSION IF NOT EXISTS btree_gist',
    "CREATE TABLE \"events\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"slug\" text NOT NULL, \"acronym\" text NOT NULL, \"title\" jsonb NOT NULL, \"description\" jsonb NOT NULL DEFAULT '{\"fr\": \"\"}', \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"time_zone\" text NOT NULL, \"venue_name\" text NOT NULL DEFAULT '', \"venue_address\" text NOT NULL DEFAULT '', \"colour\" text NOT NULL DEFAULT '#0b6e4f', \"status\" text NOT NULL DEFAULT 'draft', \"published_at\" TIMESTAMP WITH TIME ZONE, \"registration_opens_at\" TIMESTAMP WITH TIME ZONE, \"registration_closes_at\" TIMESTAMP WITH TIME ZONE, \"capacity\" integer, \"confirm_email\" boolean NOT NULL DEFAULT true, \"hold_hours\" integer NOT NULL DEFAULT '48', \"questions\" jsonb NOT NULL DEFAULT '[]', \"consent_text\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_05bd884c03d3f424e2204bd14cd\" UNIQUE (\"slug\"), CONSTRAINT \"events_status_known\" CHECK (\"status\" IN ('draft', 'published', 'archived')), CONSTRAINT \"events_dates_ordered\" CHECK (\"ends_at\" > \"starts_at\"), CONSTRAINT \"PK_40731c7151fe4be3116e45ddf73\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_8557ec49101496ab87be666d63\" ON \"events\" (\"organization_id\") ",
    "CREATE TABLE \"organizations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"slug\" text NOT NULL, \"name\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_963693341bd612aa01ddf3a4b68\" UNIQUE (\"slug\"), CONSTRAINT \"PK_6b031fcd0863e3f6b44230163f9\" PRIMARY KEY (\"id\"))",
  ];

  downSql = [
    "DROP TABLE \"organizations\"",
    "DROP INDEX \"public\".\"IDX_8557ec49101496ab87be666d63\"",
    "DROP TABLE \"events\"",
  ];
}
