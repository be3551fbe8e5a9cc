import type { Command } from 'commander';
import type { AfterHoursWindow } from '../../../shared/domain/billing';
import { t } from '../../../shared/domain/i18n';
import { ValidationError } from '../../../shared/domain/common';
import { leaf, run } from '../command-kit';
import { print, printJson, table, when } from '../output';

const STATUSES: Array<AfterHoursWindow['status']> = ['requested', 'approved', 'refused'];

export function registerAfterHoursCommands(program: Command): void {
  const afterHours = program.command('afterhours').description("clients' advance requests for attention outside support hours");

  run(
    leaf(afterHours, 'request', "record a client's advance request (made by email)")
      .requiredOption('--client <id>', 'client id')
      .requiredOption('--requested-by <email>', 'the authorized requester who asked')
      .requiredOption('--start <instant>', 'window start (ISO with zone, e.g. 2026-03-07T09:00:00-06:00)')
      .requiredOption('--end <instant>', 'window end (ISO with zone)')
      .option('--message-id <id>', "Message-ID of the client's email")
      .option('--reason <text>', 'what the attention is for'),
    async ({ services, actor, lang }, o) => {
      const window = await services.afterHours.request(actor, {
        clientId: o.client as string,
        requestedBy: o.requestedBy as string,
        start: o.start as string,
        end: o.end as string,
        requestMessageId: o.messageId as string | undefined,
        reason: o.reason as string | undefined,
      });
      if (o.json) printJson(window);
      else print(t(lang, 'cli.saved', { what: t(lang, 'cli.what.after-hours'), id: window.id }));
    },
  );

  for (const [verb, description] of [
    ['approve', 'approve a request (L2, L3, manager)'],
    ['refuse', 'refuse a request (L2, L3, manager)'],
  ] as const) {
    run(
      leaf(afterHours, `${verb} <id>`, description).option('--reason <text>', 'why'),
      async ({ services, actor, lang }, o, id) => {
        const window =
          verb === 'approve'
            ? await services.afterHours.approve(actor, id, o.reason as string | undefined)
            : await services.afterHours.refuse(actor, id, o.reason as string | undefined);
        if (o.json) printJson(window);
        else print(t(lang, 'cli.saved', { what: `after-hours ${window.status}`, id: window.id }));
      },
    );
  }

  run(
    leaf(afterHours, 'list', 'list after-hours requests')
      .option('--client <id>', 'only this client')
      .option('--status <status>', 'requested, approved or refused'),
    async ({ services, lang, store }, o) => {
      const status = o.status as AfterHoursWindow['status'] | undefined;
      if (status && !STATUSES.includes(status))
        throw new ValidationError('status', `"${status}" is not one of ${STATUSES.join(', ')}`);
      const list = await services.afterHours.list({ clientId: o.client as string | undefined, status });
      if (o.json) return printJson(list);
      const clientNames = new Map((await store.directory.listClients()).map((c) => [c.id, c.name]));
      print(
        table(
          lang,
          [
            'cli.col.id',
            'cli.col.client',
            'cli.col.start',
            'cli.col.end',
            'cli.col.status',
            'cli.col.requested-by',
            'cli.col.decided-by',
          ],
          list.map((w) => [
            w.id,
            clientNames.get(w.clientId) ?? w.clientId,
            when(w.start, lang),
            when(w.end, lang),
            w.status,
            w.requestedBy,
            w.decidedBy,
          ]),
        ),
      );
    },
  );
}
