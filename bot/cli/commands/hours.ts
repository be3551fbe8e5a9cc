import type { Command } from 'commander';
import type { HoursReport } from '../../../shared/application/billing-service';
import { formatWeightedMinutes as w } from '../../../shared/domain/billing';
import { t } from '../../../shared/domain/i18n';
import type { Locale } from '../../../shared/domain/ticket';
import { leaf, run } from '../command-kit';
import { csv, print, printJson, table, when, type Row } from '../output';

const COLUMNS = [
  'cli.col.kind',
  'cli.col.entries',
  'cli.col.regular',
  'cli.col.after-hours',
  'cli.col.weighted',
  'cli.col.unapproved',
  'cli.col.chargeable',
  'cli.col.amount',
] as const;

function rows(lang: Locale, report: HoursReport): Row[] {
  return [...report.rows.map((r) => line(t(lang, `cli.kind.${r.kind}`), r)), line(t(lang, 'cli.kind.total'), report.total)];
}

/** One line of the report; weighted and chargeable minutes with one decimal. */
function line(label: string, r: HoursReport['total']): Row {
  return [
    label,
    r.entries,
    r.regularMinutes,
    r.afterHoursMinutes,
    w(r.afterHoursWeightedMinutes),
    r.unapprovedAfterHoursMinutes,
    w(r.chargeableMinutes),
    money(r.amountCents),
  ];
}

/** Integer cents as a plain decimal (CSV and tables): 112500 -> "1125.00", never through a float. */
function money(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function registerHoursCommand(program: Command): void {
  run(
    leaf(program, 'hours', 'billed time of a client in a month, by kind, after-hours apart')
      .requiredOption('--client <id>', 'client id')
      .requiredOption('--month <YYYY-MM>', 'calendar month in the support time zone')
      .option('--csv', 'print CSV'),
    async ({ store, services, lang }, o) => {
      const report = await services.billing.hoursReport(o.client as string, o.month as string);
      const client = (await store.directory.getClient(report.clientId))?.name ?? report.clientId;
      if (o.json) return printJson(report);
      if (o.csv)
        return print(
          csv(
            [
              'kind',
              'entries',
              'regular_minutes',
              'after_hours_minutes',
              'after_hours_weighted_minutes',
              'unapproved_after_hours_minutes',
              'chargeable_minutes',
              'amount',
            ],
            [...report.rows.map((r) => line(r.kind, r)), line('total', report.total)],
          ),
        );
      print(
        t(lang, 'cli.hours.heading', {
          client,
          month: report.month,
          from: when(report.from, lang) ?? report.from,
          to: when(report.to, lang) ?? report.to,
        }),
      );
      print(table(lang, COLUMNS, rows(lang, report)));
      if (report.hourlyRateCents > 0)
        print(
          t(lang, 'cli.hours.amount', {
            amount: money(report.total.amountCents),
            currency: report.currency,
            rate: money(report.hourlyRateCents),
          }),
        );
    },
  );
}
