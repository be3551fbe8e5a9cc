import { Command, CommanderError, Option } from 'commander';
import { t } from '../../shared/domain/i18n/catalog';
import { LOCALES, type Locale } from '../../shared/domain/ticket/ticket-types';
import { version } from '../../package.json';
import { registerAfterHoursCommands } from './commands/after-hours';
import { registerClientCommands } from './commands/clients';
import { registerHoursCommand } from './commands/hours';
import { registerProvisionCommand } from './commands/provision';
import { registerRequesterCommands } from './commands/requesters';
import { registerSlaCommands } from './commands/sla';
import { registerStaffCommands } from './commands/staff';
import { registerStatementCommands } from './commands/statements';
import { registerTicketCommands } from './commands/tickets';

/** The `soporte` admin command. Errors: one line on stderr, exit code 1 (2 when an import refused rows). */
function buildProgram(): Command {
  const program = new Command('soporte')
    .description('Soporte administration: clients, requesters, staff, tickets, after-hours, SLA, billed hours')
    .version(version)
    .option('--data-dir <dir>', 'the data directory (default: DATA_DIR or ./data)')
    .option('--as <staff>', 'act as this staff member (email or id) instead of the administrator')
    .addOption(new Option('--lang <locale>', 'output language').choices([...LOCALES]).default('en'))
    .showHelpAfterError(false)
    .exitOverride();
  registerClientCommands(program);
  registerRequesterCommands(program);
  registerStaffCommands(program);
  registerTicketCommands(program);
  registerAfterHoursCommands(program);
  registerSlaCommands(program);
  registerHoursCommand(program);
  registerStatementCommands(program);
  registerProvisionCommand(program);
  return program;
}

function languageOf(argv: string[]): Locale {
  const i = argv.indexOf('--lang');
  const tag = i >= 0 ? argv[i + 1] : undefined;
  return tag === 'es-MX' ? 'es-MX' : 'en';
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its one-line message (or the help / version).
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${t(languageOf(argv), 'cli.error', { message: message.split('\n')[0] })}\n`);
    process.exitCode = 1;
  }
}

void main(process.argv);
