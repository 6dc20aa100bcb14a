import { CliCommand } from './command';
import { checkCommand, generateCommand, migrateCommand } from './db.commands';
import { organizerCreateCommand } from './identity.commands';
import { outboxDrainCommand } from './outbox.commands';
import { seedDemoCommand } from './seed.commands';

/** Every command of `npm run cli`. Contexts add theirs here. */
export const COMMANDS: CliCommand[] = [migrateCommand, checkCommand, generateCommand, seedDemoCommand, organizerCreateCommand, outboxDrainCommand];
