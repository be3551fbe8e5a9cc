import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { formatAmount, formatWeightedMinutes } from '../../../shared/domain/billing';
import { t } from '../../../shared/domain/i18n';
import { leaf, run } from '../command-kit';
import { print, printJson } from '../output';

/** `soporte statements draft|send|hold`: a client's monthly statement, drafted for a manager's review. */
export function registerStatementCommands(program: Command): void {
  const statements = program
    .command('statements')
    .description("clients' monthly statements: drafted, then sent or held by a manager");
  run(
    leaf(statements, 'draft', "draft a client's statement for a month (the managers review it in Teams)")
      .requiredOption('--client <id>', 'client id')
      .requiredOption('--month <YYYY-MM>', 'the month the statement covers (support calendar zone)')
      .option('--out <dir>', 'also write the PDF, CSV and XLSX files here', '.'),
    async ({ services, actor, lang }, o) => {
      const { statement, files } = await services.statements.draft(actor, o.client as string, o.month as string);
      const dir = resolve(o.out as string);
      mkdirSync(dir, { recursive: true });
      for (const file of files) writeFileSync(join(dir, file.name), file.content);
      if (o.json) return printJson({ statement, files: files.map((f) => join(dir, f.name)) });
      const { data } = statement;
      print(
        t(lang, 'cli.statements.drafted', {
          id: statement.id,
          lines: data.lines.length,
          minutes: formatWeightedMinutes(data.summary.total.chargeableMinutes),
          total: formatAmount(data.totalCents ?? 0, data.currency, lang),
        }),
      );
      for (const file of files) print(`  ${join(dir, file.name)}`);
    },
  );
  run(
    leaf(statements, 'send <id>', "send a drafted statement to the client's administrators (managers only)"),
    async ({ services, actor, lang }, o, id) => {
      const sent = await services.statements.send(actor, id);
      if (o.json) return printJson(sent);
      print(t(lang, 'cli.statements.sent', { id: sent.id, recipients: (sent.sentTo ?? []).join(', ') }));
    },
  );
  run(
    leaf(statements, 'hold <id>', 'hold a statement with a note (managers only)').requiredOption(
      '--note <text>',
      'why it is held',
    ),
    async ({ services, actor, lang }, o, id) => {
      const held = await services.statements.hold(actor, id, o.note as string);
      if (o.json) return printJson(held);
      print(t(lang, 'cli.statements.held', { id: held.id }));
    },
  );
}
