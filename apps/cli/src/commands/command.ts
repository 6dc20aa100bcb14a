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

/** A command without arguments that boots the contexts, does one thing and says what it did (exit 0). */
export function appCommand(name: string, description: string, work: (app: INestApplicationContext) => Promise<string>): CliCommand {
  return {
    name,
    usage: name,
    description,
    async run(ctx) {
      ctx.out(await work(await ctx.app()));
      return 0;
    },
  };
}
