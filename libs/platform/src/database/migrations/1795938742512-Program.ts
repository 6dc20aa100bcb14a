import { SqlMigration } from '../sql-migration';

export class Program1795938742512 extends SqlMigration {
  name = 'Program1795938742512';

  upSql = [
    "CREATE TABLE \"rooms\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"name\" text NOT NULL, \"capacity\" integer, \"position\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"rooms_name_unique\" UNIQUE (\"event_id\", \"name\"), CONSTRAINT \"rooms_capacity_positive\" CHECK (\"capacity\" IS NULL OR \"capacity\" > 0), CONSTRAINT \"PK_0368a2d7c215f2d0458a54933f2\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_85249253c3c41f4d60ef8a3ded\" ON \"rooms\" (\"organization_id\") ",
    "CREATE TABLE \"tracks\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"name\" jsonb NOT NULL, \"colour\" text NOT NULL, \"position\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_242a37ffc7870380f0e611986e8\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_5f701297c2a9f550d3ee6d0354\" ON \"tracks\" (\"organization_id\") ",
    "CREATE INDEX \"IDX_de1f8d81fc84ac64664a50b08e\" ON \"tracks\" (\"event_id\") ",
    "CREATE TABLE \"speakers\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"number\" SERIAL NOT NULL, \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"name\" text NOT NULL, \"title\" text NOT NULL DEFAULT '', \"organization\" text NOT NULL DEFAULT '', \"bio\" jsonb NOT NULL DEFAULT '{\"fr\": \"\"}', \"links\" jsonb NOT NULL DEFAULT '[]', \"languages\" jsonb NOT NULL DEFAULT '[]', \"email\" text, \"phone\" text, \"locale\" text NOT NULL DEFAULT 'fr', \"agenda_token_hash\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_0310ac37178e34c2bdb50e4bc20\" UNIQUE (\"number\"), CONSTRAINT \"PK_b3818c94af77a0cf73403ecef14\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"speakers_event\" ON \"speakers\" (\"organization_id\", \"event_id\") ",
    "CREATE TABLE \"program_session_people\" (\"session_id\" uuid NOT NULL, \"speaker_id\" uuid NOT NULL, \"role\" text NOT NULL, \"position\" integer NOT NULL DEFAULT '0', CONSTRAINT \"program_session_people_role_known\" CHECK (\"role\" IN ('moderator', 'panelist', 'speaker', 'host')), CONSTRAINT \"PK_3b44e8ee8d1028ec412add305b8\" PRIMARY KEY (\"session_id\", \"speaker_id\"))",
    "CREATE INDEX \"IDX_320ec7f31d78b2f4f12835abae\" ON \"program_session_people\" (\"speaker_id\") ",
    "CREATE TABLE \"program_sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"number\" SERIAL NOT NULL, \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"title\" jsonb NOT NULL, \"abstract\" jsonb NOT NULL DEFAULT '{\"fr\": \"\"}', \"type\" text NOT NULL, \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"room_id\" uuid, \"track_id\" uuid, \"language\" text NOT NULL DEFAULT 'fr', \"capacity\" integer, \"status\" text NOT NULL DEFAULT 'confirmed', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_5dc301c4cbef8f6bf3283fd9486\" UNIQUE (\"number\"), CONSTRAINT \"program_sessions_capacity_positive\" CHECK (\"capacity\" IS NULL OR \"capacity\" > 0), CONSTRAINT \"program_sessions_status_known\" CHECK (\"status\" IN ('draft', 'confirmed', 'cancelled')), CONSTRAINT \"program_sessions_type_known\" CHECK (\"type\" IN ('plenary', 'keynote', 'panel', 'workshop', 'ceremony', 'break')), CONSTRAINT \"program_sessions_times_ordered\" CHECK (\"ends_at\" > \"starts_at\"), CONSTRAINT \"program_sessions_room_free\" EXCLUDE USING gist (\"room_id\" WITH =, tstzrange(\"starts_at\", \"ends_at\") WITH &&) WHERE (\"status\" <> 'cancelled'), CONSTRAINT \"PK_e3ceb0981899cdf727f81dd487d\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"program_sessions_event_time\" ON \"program_sessions\" (\"organization_id\", \"event_id\", \"starts_at\") ",
    "CREATE TABLE \"program_releases\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"note\" text NOT NULL DEFAULT '', \"snapshot\" jsonb NOT NULL, \"changelog\" jsonb NOT NULL, \"published_by\" uuid, \"published_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"program_releases_number_unique\" UNIQUE (\"event_id\", \"number\"), CONSTRAINT \"PK_f76dd6645ee288c66d84f7ece21\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"program_releases_tenant\" ON \"program_releases\" (\"organization_id\", \"event_id\") ",
    "ALTER TABLE \"program_session_people\" ADD CONSTRAINT \"FK_7a7d0604889cfb23d9017f2e2c8\" FOREIGN KEY (\"session_id\") REFERENCES \"program_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION",
  ];

  downSql = [
    "ALTER TABLE \"program_session_people\" DROP CONSTRAINT \"FK_7a7d0604889cfb23d9017f2e2c8\"",
    "DROP INDEX \"public\".\"program_releases_tenant\"",
    "DROP TABLE \"program_releases\"",
    "DROP INDEX \"public\".\"program_sessions_event_time\"",
    "DROP TABLE \"program_sessions\"",
    "DROP INDEX \"public\".\"IDX_320ec7f31d78b2f4f12835abae\"",
    "DROP TABLE \"program_session_people\"",
    "DROP INDEX \"public\".\"speakers_event\"",
    "DROP TABLE \"speakers\"",
    "DROP INDEX \"public\".\"IDX_de1f8d81fc84ac64664a50b08e\"",
    "DROP INDEX \"public\".\"IDX_5f701297c2a9f550d3ee6d0354\"",
    "DROP TABLE \"tracks\"",
    "DROP INDEX \"public\".\"IDX_85249253c3c41f4d60ef8a3ded\"",
    "DROP TABLE \"rooms\"",
  ];
}
