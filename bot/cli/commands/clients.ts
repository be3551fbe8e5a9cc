import type { Command } from 'commander';
import { t } from '../../../shared/domain/i18n';
import { LOCALES, OPEN_STATUSES, type Locale } from '../../../shared/domain/ticket';
import { collect, leaf, run } from '../command-kit';
import { fields, print, printJson, table, when } from '../output';
import { requesterTable } from './requesters';

export function registerClientCommands(program: Command): void {
  const clients = program.command('clients').description('clients under contract');

  run(
    leaf(clients, 'add', 'add a client')
      .requiredOption('--name <name>', 'company name')
      .option('--id <id>', 'short id (default: from the name)')
      .option('--locale <locale>', `language of its messages: ${LOCALES.join(', ')}`, 'es-MX')
      .option('--domain <domain>', 'email domain (repeatable)', collect)
      .option('--manager-email <email>', 'account manager at the partner (repeatable)', collect)
      .option('--tenant-id <id>', 'Entra tenant id of the client'),
    async ({ services, actor, lang }, o) => {
      const client = await services.directory.addClient(actor, {
        id: o.id as string | undefined,
        name: o.name as string,
        locale: o.locale as Locale,
        domains: o.domain as string[] | undefined,
        managerEmails: o.managerEmail as string[] | undefined,
        tenantId: o.tenantId as string | undefined,
      });
      if (o.json) printJson(client);
      else print(t(lang, 'cli.saved', { what: t(lang, 'cli.what.client'), id: client.id }));
    },
  );

  run(leaf(clients, 'list', 'list clients'), async ({ services, lang }, o) => {
    const list = await services.directory.listClients();
    if (o.json) return printJson(list);
    print(
      table(
        lang,
        ['cli.col.id', 'cli.col.name', 'cli.col.locale', 'cli.col.domains', 'cli.col.managers'],
        list.map((c) => [c.id, c.name, c.locale, c.domains.join(', '), c.managerEmails.join(', ')]),
      ),
    );
  });

  run(
    leaf(clients, 'show <id>', 'show a client, its requesters and its open tickets'),
    async ({ services, actor, lang }, o, id) => {
      const client = await services.directory.getClient(id);
      const requesters = await services.directory.listRequesters(client.id);
      const open = await services.queries.list(actor, { clientId: client.id, statuses: OPEN_STATUSES });
      if (o.json)
        return printJson({
          client,
          requesters,
          openTickets: open.map((ticket) => ({
            id: ticket.id,
            number: ticket.number,
            status: ticket.status,
            subject: ticket.subject,
          })),
        });
      print(
        fields(lang, [
          ['cli.col.id', client.id],
          ['cli.col.name', client.name],
          ['cli.col.locale', client.locale],
          ['cli.col.domains', client.domains.join(', ')],
          ['cli.col.managers', client.managerEmails.join(', ')],
          ['cli.col.opened', when(client.createdAt, lang)],
        ]),
      );
      print(`\n${t(lang, 'cli.client.requesters')}`);
      print(requesterTable(lang, requesters));
      print(`\n${t(lang, 'cli.client.open-tickets', { count: open.length })}`);
    },
  );
}
