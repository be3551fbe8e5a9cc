import { CommandRouter, type CommandSpec } from './command-router';
import { HelpCommand } from './commands/help-command';
import type { StaffLanguage } from '../../shared/application/staff-language';
import { HoursCommand } from './commands/hours-command';
import { LanguageCommand } from './commands/language-command';
import { MineCommand } from './commands/mine-command';
import { NewCommand } from './commands/new-command';
import { QueueCommand } from './commands/queue-command';
import { SlaCommand } from './commands/sla-command';
import { TicketCommand } from './commands/ticket-command';
import type { TeamsBotDeps } from './teams-bot-deps';
import type { TicketViews } from './ticket-views';

/** The command table: English and Spanish words per command, each handled by one class. */
export function createCommandRouter(deps: TeamsBotDeps, views: TicketViews, language: StaffLanguage): CommandRouter {
  // The help command lists the table it is part of: it reads the router when it runs, after it is built.
  const help = new HelpCommand((locale) => router.entries(locale));
  const specs: CommandSpec[] = [
    { id: 'help', words: { en: 'help', 'es-MX': 'ayuda' }, command: help },
    { id: 'queue', words: { en: 'queue', 'es-MX': 'cola' }, command: new QueueCommand({ queries: deps.queries, views }) },
    { id: 'mine', words: { en: 'mine', 'es-MX': 'mios' }, command: new MineCommand({ queries: deps.queries, views }) },
    { id: 'ticket', words: { en: 'ticket', 'es-MX': 'ticket' }, command: new TicketCommand({ queries: deps.queries, views }) },
    { id: 'new', words: { en: 'new', 'es-MX': 'nuevo' }, command: new NewCommand({ directory: deps.directory }) },
    {
      id: 'sla',
      words: { en: 'sla', 'es-MX': 'sla' },
      command: new SlaCommand({ queries: deps.queries, explainSla: deps.explainSla }),
    },
    {
      id: 'hours',
      words: { en: 'hours', 'es-MX': 'horas' },
      command: new HoursCommand({ directory: deps.directory, billing: deps.billing }),
    },
    { id: 'language', words: { en: 'language', 'es-MX': 'idioma' }, command: new LanguageCommand(language) },
  ];
  const router = new CommandRouter(specs);
  return router;
}
