import { MigrationInterface, QueryRunner } from 'typeorm';

export class SmsChannel1796065759063 implements MigrationInterface {
  name = 'SmsChannel1796065759063';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"sms_counters\" (\"key\" text NOT NULL, \"window_start\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used\" integer NOT NULL DEFAULT '0', \"refused\" integer NOT NULL DEFAULT '0', \"window_end\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_eb84bc55fc090c7e5112c4d67bf\" PRIMARY KEY (\"key\", \"window_start\"))");
    await queryRunner.query("CREATE TABLE \"registration_sms_codes\" (\"id\" uuid NOT NULL, \"registration_id\" uuid NOT NULL, \"code_hash\" text NOT NULL, \"attempts\" integer NOT NULL DEFAULT '0', \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_56d1b87a392ede8f73804c6f911\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_a1b72d9a152180581727acd5f4\" ON \"registration_sms_codes\" (\"registration_id\") ");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" ADD \"channel\" text NOT NULL DEFAULT 'email'");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" ADD \"segments\" integer");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" ADD \"provider_message_id\" text");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" ADD \"delivery_status\" text");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" ADD \"delivery_reported_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("CREATE INDEX \"outbox_messages_provider_id\" ON \"outbox_messages\" (\"provider_message_id\") WHERE \"provider_message_id\" IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" ADD CONSTRAINT \"outbox_messages_channel_known\" CHECK (\"channel\" IN ('email', 'sms'))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"outbox_messages\" DROP CONSTRAINT \"outbox_messages_channel_known\"");
    await queryRunner.query("DROP INDEX \"public\".\"outbox_messages_provider_id\"");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" DROP COLUMN \"delivery_reported_at\"");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" DROP COLUMN \"delivery_status\"");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" DROP COLUMN \"provider_message_id\"");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" DROP COLUMN \"segments\"");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" DROP COLUMN \"channel\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a1b72d9a152180581727acd5f4\"");
    await queryRunner.query("DROP TABLE \"registration_sms_codes\"");
    await queryRunner.query("DROP TABLE \"sms_counters\"");
  }
}
