import { formatAmount } from '../../shared/domain/billing';
import type { HoursReport } from '../../shared/application/billing-service';
import { t } from '../../shared/domain/i18n';
import { formatMinutes, type CardFormat, type Fact } from './card-format';
import { renderTemplate, type CardJson } from './render-template';
import template from './hours-card.json';

export interface HoursCardData {
  title: string;
  rows: Fact[];
  totals: Fact[];
}

function money(cents: number, currency: string, format: CardFormat): string {
  return formatAmount(cents, currency, format.locale);
}

/** `hours <client> [YYYY-MM]`: billed time of a client's month by kind, after-hours apart. */
export function hoursCard(input: { clientName: string; report: HoursReport }, format: CardFormat): CardJson {
  const l = format.locale;
  const { report } = input;
  const data: HoursCardData = {
    title: t(l, 'bot.hours.title', { client: input.clientName, month: report.month }),
    rows: report.rows.map((row) => ({
      title: t(l, `bot.hours.kind.${row.kind}`),
      value: t(l, 'bot.hours.row', { entries: row.entries, minutes: formatMinutes(row.chargeableMinutes, format, 'tenths') }),
    })),
    totals: [
      { title: t(l, 'bot.hours.regular'), value: formatMinutes(report.total.regularMinutes, format) },
      {
        title: t(l, 'bot.hours.afterHours'),
        value: t(l, 'bot.hours.afterHoursValue', {
          minutes: formatMinutes(report.total.afterHoursMinutes, format),
          weighted: formatMinutes(report.total.afterHoursWeightedMinutes, format, 'tenths'),
        }),
      },
      { title: t(l, 'bot.hours.unapproved'), value: formatMinutes(report.total.unapprovedAfterHoursMinutes, format) },
      { title: t(l, 'bot.hours.chargeable'), value: formatMinutes(report.total.chargeableMinutes, format, 'tenths') },
      { title: t(l, 'bot.hours.amount'), value: money(report.total.amountCents, report.currency, format) },
    ],
  };
  return renderTemplate(template, data);
}
