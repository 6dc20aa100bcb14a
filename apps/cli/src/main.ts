import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigError, createPino, DatabaseConnection, loadConfig, openDatabase, PinoNestLogger, runMigrations } from '@palabre/platform';
import { CliModule } from './cli.module';
import { COMMANDS } from './commands';
import { CommandContext } from './commands/command';

function usage(): string {
  return ['usage: npm run cli -- <command> [options]', '', ...COMMANDS.map((c) => `  ${c.usage.padEnd(60)} ${c.description}`)].join('\n');
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
  const { values, positionals } = parseArgs({ args: rest, strict: false, allowPositionals: true });
  let database: DatabaseConnection | undefined;
  let app: INestApplicationContext | undefined;
  const ctx: CommandContext = {
    config,
    args: values as Record<string, string | boolean>,
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
