import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigError, createPino, DatabaseConnection, loadConfig, openDatabase, PinoNestLogger, runMigrations } from '@palabre/platform';
import { CliModule } from './cli.module';
import { COMMANDS } from './commands';
import { CommandContext } from './commands/command';

function usage(): string {
  return ['usage: npm run cli -- <command> [options]', '', ...COMMANDS.map((c) => `  ${c.usage.padEnd(60)} ${c.description}`)].join('\n');
}

/** `--key value`, `--key=value`, `--flag`; the rest are positionals. */
export function parseArguments(args: string[]): { values: Record<string, string | boolean>; positionals: string[] } {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      positionals.push(arg);
    } else if (m[2] !== undefined) {
      values[m[1]] = m[2];
    } else if (i + 1 < args.length && !args[i + 1].startsWith('--')) {
      values[m[1]] = args[++i];
    } else {
      values[m[1]] = true;
    }
  }
  return { values, positionals };
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stdout.write(usage() + '\n');
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      return 1;
    }
    throw error;
  }
  const { values, positionals } = parseArguments(rest);
  let database: DatabaseConnection | undefined;
  let app: INestApplicationContext | undefined;
  const ctx: CommandContext = {
    config,
    args: values,
    positionals,
    out: (line) => process.stdout.write(line + '\n'),
    async app() {
      if (app) return app;
      // On the embedded database, talk to the running server's PostgreSQL when there is one.
      database = await openDatabase(config, { advertise: false });
      app = await NestFactory.createApplicationContext(CliModule.forRoot({ config, databaseUrl: database.url }), {
        logger: new PinoNestLogger(createPino({ ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel }, 'palabre-cli')),
      });
      await runMigrations(app.get(DataSource));
      return app;
    },
  };
  try {
    return await command.run(ctx);
  } finally {
    await app?.close();
    await database?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
