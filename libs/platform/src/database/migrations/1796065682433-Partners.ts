import { SqlMigration } from '../sql-migration';

export class Partners1796065682433 extends SqlMigration {
  name = 'Partners1796065682433';

  upSql = [
    "CREATE TABLE \"partner_figures\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"partner_id\" uuid NOT NULL, \"year\" integer NOT NULL, \"status\" text NOT NULL DEFAULT 'draft', \"values\" jsonb NOT NULL DEFAULT '{}', \"review_comment\" text, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"reviewed_at\" TIMESTAMP WITH TIME ZONE, \"reviewed_by_user_id\" uuid, CONSTRAINT \"partner_figures_partner_year\" UNIQUE (\"partner_id\", \"year\"), CONSTRAINT \"partner_figures_status_known\" CHECK (\"status\" IN ('draft', 'submitted', 'sent_back', 'accepted')), CONSTRAINT \"PK_d7b465dfd2be44be9461d4c613a\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_90d9a8a4a3d89b195b2b219ad9\" ON \"partner_figures\" (\"organization_id\", \"event_id\", \"year\") ",
    "CREATE TABLE \"partner_sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"partner_id\" uuid NOT NULL, \"session_id\" uuid NOT NULL, CONSTRAINT \"UQ_8881824f0226a51a6b3739212ed\" UNIQUE (\"session_id\"), CONSTRAINT \"PK_bac2d74150c5b7dd0380aa9a68b\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_7fd73c7f383bf8434c628bdaa7\" ON \"partner_sessions\" (\"partner_id\") ",
    "CREATE TABLE \"partner_sectors\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"key\" text NOT NULL, \"label\" jsonb NOT NULL, \"position\" integer NOT NULL DEFAULT '0', CONSTRAINT \"partner_sectors_event_key\" UNIQUE (\"event_id\", \"key\"), CONSTRAINT \"PK_ad40d428c2749b8f7e4cca78bf6\" PRIMARY KEY (\"id\"))",
    "CREATE TABLE \"partner_indicators\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"key\" text NOT NULL, \"label\" jsonb NOT NULL, \"kind\" text NOT NULL, \"sector\" text, \"share_of\" text, \"position\" integer NOT NULL DEFAULT '0', CONSTRAINT \"partner_indicators_event_key\" UNIQUE (\"event_id\", \"key\"), CONSTRAINT \"partner_indicators_kind_known\" CHECK (\"kind\" IN ('count', 'percent')), CONSTRAINT \"PK_a176cedd97f95f653d0892aa29c\" PRIMARY KEY (\"id\"))",
    "CREATE TABLE \"partners\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"partner_organization_id\" uuid NOT NULL, \"slug\" text NOT NULL, \"name\" text NOT NULL, \"acronym\" text, \"mission\" jsonb NOT NULL DEFAULT '{\"fr\": \"\"}', \"sectors\" text array NOT NULL DEFAULT '{}', \"regions\" text array NOT NULL DEFAULT '{}', \"website\" text, \"contact_email\" text, \"contact_phone\" text, \"logo\" jsonb, \"invited_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"invited_by_user_id\" uuid, CONSTRAINT \"partners_event_slug\" UNIQUE (\"event_id\", \"slug\"), CONSTRAINT \"partners_event_organization\" UNIQUE (\"event_id\", \"partner_organization_id\"), CONSTRAINT \"PK_998645b20820e4ab99aeae03b41\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_016af099f41c8588d876e304fe\" ON \"partners\" (\"partner_organization_id\") ",
    "CREATE TABLE \"partner_opportunities\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"number\" SERIAL NOT NULL, \"partner_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"title\" text NOT NULL, \"description\" text NOT NULL DEFAULT '', \"region\" text NOT NULL, \"sector\" text, \"deadline\" date NOT NULL, \"closes_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"how_to_apply\" text NOT NULL, \"accepts_contacts\" boolean NOT NULL DEFAULT false, CONSTRAINT \"UQ_62df41b538ce663575460b99484\" UNIQUE (\"number\"), CONSTRAINT \"partner_opportunities_kind_known\" CHECK (\"kind\" IN ('job', 'internship', 'training', 'call')), CONSTRAINT \"PK_31aca45437d61c223ec4b131dea\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_da86b57b1efe4426d8fccefc5e\" ON \"partner_opportunities\" (\"partner_id\") ",
    "CREATE INDEX \"IDX_65e59c8dc5c0e67680bc2e84be\" ON \"partner_opportunities\" (\"event_id\", \"closes_at\") ",
    "CREATE TABLE \"opportunity_interests\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"opportunity_id\" uuid NOT NULL, \"partner_id\" uuid NOT NULL, \"name\" text NOT NULL, \"email\" text, \"phone\" text, \"message\" text, \"consent_text\" text NOT NULL, \"consented_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_358bff3647c4492171f4ef2c94a\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_3c3e11846ef59cdcbebb2e5f91\" ON \"opportunity_interests\" (\"opportunity_id\") ",
  ];

  downSql = [
    "DROP INDEX \"public\".\"IDX_3c3e11846ef59cdcbebb2e5f91\"",
    "DROP TABLE \"opportunity_interests\"",
    "DROP INDEX \"public\".\"IDX_65e59c8dc5c0e67680bc2e84be\"",
    "DROP INDEX \"public\".\"IDX_da86b57b1efe4426d8fccefc5e\"",
    "DROP TABLE \"partner_opportunities\"",
    "DROP INDEX \"public\".\"IDX_016af099f41c8588d876e304fe\"",
    "DROP TABLE \"partners\"",
    "DROP TABLE \"partner_indicators\"",
    "DROP TABLE \"partner_sectors\"",
    "DROP INDEX \"public\".\"IDX_7fd73c7f383bf8434c628bdaa7\"",
    "DROP TABLE \"partner_sessions\"",
    "DROP INDEX \"public\".\"IDX_90d9a8a4a3d89b195b2b219ad9\"",
    "DROP TABLE \"partner_figures\"",
  ];
}
