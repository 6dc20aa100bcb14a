import { ConsoleLogger } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig, PlatformModule } from '@palabre/platform';
import { NotificationsModule } from '../src/notifications.module';
import { OutboxService } from '../src/outbox/outbox.service';
import { templateExamples } from '../src/templates/template-examples';
import type { TemplateDataMap, TemplateName } from '../src/templates/template-data';

export const PUBLIC_URL = 'https://forum.example.org';
export const EXAMPLES = templateExamples(PUBLIC_URL);

export interface OutboxTestModule {
  moduleRef: TestingModule;
  config: AppConfig;
  dataSource: DataSource;
  outbox: OutboxService;
  /** Queues one message outside any transaction (like a use case whose transaction just committed). */
  enqueue<T extends TemplateName>(to: string, template: T, extra?: { data?: TemplateDataMap[T]; locale?: 'fr' | 'en'; organizationId?: string }): Promise<void>;
  close(): Promise<void>;
}

/** The notifications context on a real database, with the real transport the config names. */
export async function startOutboxModule(databaseUrl: string, env: Record<string, string> = {}): Promise<OutboxTestModule> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL, SEED_DEMO: 'false', OUTBOX_RETRY_BASE_MS: '200', ...env });
  const moduleRef = await Test.createTestingModule({ imports: [PlatformModule.forRoot({ config, databaseUrl }), NotificationsModule] })
    // Failures are provoked on purpose in these tests; keep the output readable.
    .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
    .compile();
  await moduleRef.init();
  const dataSource = moduleRef.get(DataSource);
  const outbox = moduleRef.get(OutboxService);
  return {
    moduleRef,
    config,
    dataSource,
    outbox,
    async enqueue(to, template, extra = {}) {
      await outbox.enqueue(dataSource.manager, {
        to,
        template,
        locale: extra.locale ?? 'fr',
        data: extra.data ?? EXAMPLES[template],
        organizationId: extra.organizationId,
      });
    },
    close: () => moduleRef.close(),
  };
}

export async function rowsOf(dataSource: DataSource, where = 'true'): Promise<Record<string, unknown>[]> {
  return dataSource.query(
    `SELECT id, recipient, status, attempts, message_id AS "messageId", last_error AS "lastError", response, next_attempt_at AS "nextAttemptAt", sent_at AS "sentAt", claimed_by AS "claimedBy" FROM outbox_messages WHERE ${where} ORDER BY recipient`,
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
