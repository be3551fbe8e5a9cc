import { readFileSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { AuthorizedRequester } from '../../../shared/domain/requesters';
import { t } from '../../../shared/domain/i18n';
import { ValidationError } from '../../../shared/domain/common';
import { LOCALES, type Locale } from '../../../shared/domain/ticket';
import { leaf, run } from '../command-kit';
import { requesterRows } from '../csv-rows';
import { print, printJson, table, when } from '../output';

export function requesterTable(lang: Locale, requesters: AuthorizedRequester[]): string {
  return table(
    lang,
    ['cli.col.client', 'cli.col.email', 'cli.col.name', 'cli.col.locale', 'cli.col.admin', 'cli.col.from', 'cli.col.to'],
    requesters.map((r) => [
      r.clientId,
      r.email,
      r.name,
      r.locale,
      r.isClientAdmin,
      when(r.effectiveFrom, lang),
      when(r.effectiveTo, lang),
    ]),
  );
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ValidationError('csv', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      cause: error,
    });
  }
}

export function registerRequesterCommands(program: Command): void {
  const requesters = program.command('requesters').description("a client's authorized requesters (dated, audited)");

  run(
    leaf(requesters, 'add', 'authorize a requester')
      .requiredOption('--client <id>', 'client id')
      .requiredOption('--email <email>', 'their email address')
      .requiredOption('--name <name>', 'their name')
      .option('--locale <locale>', `${LOCALES.join(', ')} (default: the client language)`)
      .option('--admin', "may manage the client's requesters from the add-in")
      .option('--effective <date>', 'authorized from this date (YYYY-MM-DD) or instant; default now')
      .option('--on-request-of <email>', 'who at the client asked for it (audited)'),
    async ({ services, actor, lang }, o) => {
      const requester = await services.directory.addRequester(actor, {
        clientId: o.client as string,
        email: o.email as string,
        name: o.name as string,
        locale: o.locale as Locale | undefined,
        isClientAdmin: Boolean(o.admin),
        effectiveFrom: o.effective as string | undefined,
        onRequestOf: o.onRequestOf as string | undefined,
      });
      if (o.json) printJson(requester);
      else print(t(lang, 'cli.saved', { what: t(lang, 'cli.what.requester'), id: `${requester.email} (${requester.clientId})` }));
    },
  );

  run(
    leaf(requesters, 'deactivate', 'end a requester authorization from a date')
      .requiredOption('--client <id>', 'client id')
      .requiredOption('--email <email>', 'their email address')
      .requiredOption('--effective <date>', 'no longer authorized from this date (YYYY-MM-DD) or instant')
      .option('--on-request-of <email>', 'who at the client asked for it (audited)'),
    async ({ services, actor, lang }, o) => {
      const requester = await services.directory.deactivateRequester(actor, {
        clientId: o.client as string,
        email: o.email as string,
        effective: o.effective as string,
        onRequestOf: o.onRequestOf as string | undefined,
      });
      if (o.json) printJson(requester);
      else
        print(
          t(lang, 'cli.saved', {
            what: t(lang, 'cli.what.requester'),
            id: `${requester.email} (${requester.clientId}) -> ${requester.effectiveTo}`,
          }),
        );
    },
  );

  run(
    leaf(requesters, 'list', 'list requesters')
      .option('--client <id>', 'only this client')
      .option('--active-at <instant>', 'only those authorized at this instant (ISO)'),
    async ({ services, lang }, o) => {
      const at = o.activeAt ? new Date(o.activeAt as string) : undefined;
      if (at && Number.isNaN(at.getTime())) throw new ValidationError('active-at', `"${String(o.activeAt)}" is not an instant`);
      const list = await services.directory.listRequesters(o.client as string | undefined, at);
      if (o.json) printJson(list);
      else print(requesterTable(lang, list));
    },
  );

  run(
    leaf(requesters, 'history', "who changed which of a client's requesters, when, on whose request").requiredOption(
      '--client <id>',
      'client id',
    ),
    async ({ services, actor, lang }, o) => {
      const changes = await services.directory.requesterHistory(actor, o.client as string);
      if (o.json) return printJson(changes);
      print(
        table(
          lang,
          [
            'cli.col.at',
            'cli.col.change',
            'cli.col.requester',
            'cli.col.effective',
            'cli.col.changed-by',
            'cli.col.on-request-of',
          ],
          changes.map((c) => [
            when(c.at, lang),
            t(lang, `cli.requester-change.${c.change}${c.isClientAdmin ? '-admin' : ''}`),
            c.requesterName ? `${c.requesterName} <${c.requesterEmail}>` : c.requesterEmail,
            when(c.effective, lang),
            c.changedBy,
            c.onRequestOf,
          ]),
        ),
      );
    },
  );

  run(
    leaf(
      requesters,
      'import <csv>',
      'add requesters from a CSV file (email,name,locale,admin,effective_from,on_request_of)',
    ).requiredOption('--client <id>', 'client id'),
    async ({ services, actor, lang }, o, path) => {
      const rows = requesterRows(readText(path));
      const bar = new SingleBar({ stream: process.stderr, format: ' {bar} {value}/{total} rows' }, Presets.shades_classic);
      const showBar = !o.json && process.stderr.isTTY;
      if (showBar) bar.start(rows.length, 0);
      const result = await services.directory.importRequesters(
        actor,
        o.client as string,
        rows,
        (done) => showBar && bar.update(done),
      );
      if (showBar) bar.stop();
      if (o.json) printJson(result);
      else {
        for (const error of result.errors) print(t(lang, 'cli.import.row-error', { line: error.line, message: error.message }));
        print(t(lang, 'cli.import.summary', { added: result.added.length, refused: result.errors.length }));
      }
      if (result.errors.length > 0) process.exitCode = 2;
    },
  );
}
