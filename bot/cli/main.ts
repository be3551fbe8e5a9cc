import { Command, CommanderError, Option } from 'commander';
import { DomainError } from '../../shared/domain/common';
import { t } from '../../shared/domain/i18n';
import { LOCALES, type Locale } from '../../shared/domain/ticket';
import { version } from '../../package.json';
import { registerAfterHoursCommands } from './commands/after-hours';
import { registerClientCommands } from './commands/clients';
import { registerHolidayCommands } from './commands/holidays';
import { registerHoursCommand } from './commands/hours';
import { registerMailCommands } from './commands/mail';
import { registerProvisionCommand } from './commands/provision';
import { registerRequesterCommands } from './commands/requesters';
import { registerSlaCommands } from './commands/sla';
import { registerStaffCommands } from './commands/staff';
import { registerStatementCommands } from './commands/statements';
import { registerTicketCommands } from './commands/tickets';
import { ErrorMapper } from '../teams/error-mapper';

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
  registerHolidayCommands(program);
  registerMailCommands(program);
  registerStatementCommands(program);
  registerProvisionCommand(program);
  return program;
}

function languageOf(argv: string[]): Locale {
  const i = argv.indexOf('--lang');
  const tag = i >= 0 ? argv[i + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
  return tag === 'es-MX' ? 'es-MX' : 'en';
}

/**
 * A rule's refusal in the reader's language: the domain words its errors in English; in Spanish the
 * CLI says what Teams says (ErrorMapper). Anything else as it is.
 */
function errorMessage(error: unknown, lang: Locale): string {
  if (error instanceof DomainError && lang !== 'en') return new ErrorMapper(() => undefined).map(error, lang).message;
  return error instanceof Error ? error.message : String(error);
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
    const lang = languageOf(argv);
    process.stderr.write(`${t(lang, 'cli.error', { message: errorMessage(error, lang).split('\n')[0] })}\n`);
    process.exitCode = 1;
  }
}

/** `soporte tickets list | head`: the reader left, so there is nobody to print to; stop quietly, exit 0. */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

endQuietlyOnClosedPipe(process.stdout);
endQuietlyOnClosedPipe(process.stderr);
void main(process.argv);
