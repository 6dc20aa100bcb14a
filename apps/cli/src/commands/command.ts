import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@palabre/platform';

export interface CommandContext {
  config: AppConfig;
  args: Record<string, string | boolean>;
  positionals: string[];
  /** Boots the contexts on the configured database (migrated). */
  app(): Promise<INestApplicationContext>;
  out(line: string): void;
}

export interface CliCommand {
  name: string;
  usage: string;
  description: string;
  /** Exit code. */
  run(ctx: CommandContext): Promise<number>;
}
