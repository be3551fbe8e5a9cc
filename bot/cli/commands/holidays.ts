import type { Command } from 'commander';
import { ValidationError } from '../../../shared/domain/common';
import { t } from '../../../shared/domain/i18n';
import { mexicanRestDays } from '../../../shared/domain/calendar';
import { formatShortInstant } from '../../../shared/domain/mail';
import { leaf, run } from '../command-kit';
import { print, printJson, table, when } from '../output';

/** A civil date as operators read it (`lun 7 dic 2026`), noon UTC so no zone moves it to another day. */
function day(date: string, lang: Parameters<typeof t>[0]): string {
  return formatShortInstant(`${date}T12:00:00.000Z`, lang, 'UTC', false).replace(/ \d{2}:\d{2}$/, '');
}

export function registerHolidayCommands(program: Command): void {
  const holidays = program
    .command('holidays')
    .description('days off an administrator adds to the support calendar (company days off, election days)');

  run(
    leaf(holidays, 'add <date>', 'close the support calendar on this date (YYYY-MM-DD) for tickets opened from now on')
      .requiredOption('--name <name>', 'what the day is (shown in sla explain)')
      .option('--kind <kind>', 'company (a company day off) or election', 'company'),
    async ({ services, actor, lang }, o, date) => {
      const holiday = await services.holidays.add(actor, { date, name: o.name as string, kind: o.kind as string });
      if (o.json) return printJson(holiday);
      print(t(lang, 'cli.holidays.added', { date: day(holiday.date, lang), name: holiday.name }));
    },
  );

  run(
    leaf(holidays, 'list', "the days off administrators added; with --year, that year's statutory rest days as well").option(
      '--year <yyyy>',
      'also list the statutory rest days of this year, and only this year',
    ),
    async ({ services, lang }, o) => {
      const year = o.year === undefined ? undefined : String(o.year);
      if (year !== undefined && !/^\d{4}$/.test(year)) throw new ValidationError('year', `"${year}" is not a year (YYYY)`);
      const added = (await services.holidays.list()).filter((h) => year === undefined || h.date.startsWith(`${year}-`));
      const statutory =
        year === undefined
          ? []
          : mexicanRestDays(Number(year)).map((date) => ({
              date,
              name: t(lang, 'cli.holidays.statutory-name'),
              kind: 'statutory' as const,
              addedBy: undefined,
              addedAt: undefined,
            }));
      const rows = [...statutory, ...added].sort((a, b) => a.date.localeCompare(b.date));
      if (o.json) return printJson(rows);
      print(
        table(
          lang,
          ['cli.col.date', 'cli.col.name', 'cli.col.kind', 'cli.col.added-by', 'cli.col.added-at'],
          rows.map((h) => [
            `${h.date} (${day(h.date, lang)})`,
            h.name,
            t(lang, `cli.holidays.kind.${h.kind}`),
            h.addedBy,
            when(h.addedAt, lang),
          ]),
        ),
      );
    },
  );

  run(
    leaf(holidays, 'remove <date>', 'reopen a date an administrator had closed (tickets opened from now on)'),
    async ({ services, actor, lang }, o, date) => {
      const removed = await services.holidays.remove(actor, date);
      if (o.json) return printJson(removed);
      print(t(lang, 'cli.holidays.removed', { date: day(removed.date, lang), name: removed.name }));
    },
  );
}
