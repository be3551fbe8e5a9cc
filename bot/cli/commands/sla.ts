import type { Command } from 'commander';
import { formatSlaExplanation } from '../../../shared/domain/sla';
import { leaf, run } from '../command-kit';
import { print, printJson } from '../output';
import { ticketKey } from '../ticket-key';

export function registerSlaCommands(program: Command): void {
  const sla = program.command('sla').description('SLA clocks');
  run(
    leaf(sla, 'explain <ticket>', 'how both clocks of a ticket add up: counted time, closed time, holidays, pauses'),
    async ({ services, actor, lang, clock }, o, key) => {
      const explanation = await services.queries.explain(actor, ticketKey(key, clock.now()));
      if (o.json) printJson(explanation);
      else print(formatSlaExplanation(explanation, lang));
    },
  );
}
