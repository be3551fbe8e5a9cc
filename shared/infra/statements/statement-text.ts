import { formatWeightedMinutes } from '../../domain/billing';
import type { ComplianceCount } from '../../domain/dashboard';
import { t, type MessageKey } from '../../domain/i18n';
import type { StatementData, StatementLine } from '../../domain/statement';

/** The words and numbers of a statement in its client's language, shared by the PDF, XLSX and email. */
export class StatementText {
  readonly locale;
  constructor(
    readonly data: StatementData,
    private readonly timeZone: string,
  ) {
    this.locale = data.locale;
  }

  t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return t(this.locale, key, params);
  }

  money(cents: number): string {
    return new Intl.NumberFormat(this.locale, { style: 'currency', currency: this.data.currency }).format(cents / 100);
  }

  /** Minutes as hours with two decimals (billed minutes are whole; 15 min = 0.25 h). */
  hours(minutes: number): string {
    return new Intl.NumberFormat(this.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minutes / 60);
  }

  date(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: this.timeZone }).format(
      new Date(iso),
    );
  }

  day(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: this.timeZone }).format(new Date(iso));
  }

  monthName(): string {
    const [year, month] = this.data.month.split('-').map(Number);
    return new Intl.DateTimeFormat(this.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, 15)),
    );
  }

  percent(count: ComplianceCount): string {
    if (count.percent === null) return '—';
    const percent = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 1 }).format(
      count.percent / 100,
    );
    return this.t('statement.compliance.cell', { percent, met: count.met, decided: count.met + count.breached });
  }

  kind(line: Pick<StatementLine, 'kind'>): string {
    return this.t(`statement.kind.${line.kind}`);
  }

  detail(line: StatementLine): string {
    if (line.kind === 'follow-up')
      return this.t('statement.detail.follow-up', {
        kind: this.t(`bot.followUp.${line.followUpKind ?? 'other'}`),
        minutes: line.minutes,
      });
    if (line.kind === 'session')
      return line.consultants === 1
        ? this.t('statement.detail.session-one', { minutes: line.minutes })
        : this.t('statement.detail.session', { minutes: line.minutes, consultants: line.consultants });
    return this.t('statement.detail.work', { minutes: line.minutes });
  }

  rate(line: StatementLine): string {
    return line.afterHours && line.multiplierPercent > 100
      ? this.t('statement.rate.afterHours', { multiplier: line.multiplierPercent / 100 })
      : this.t('statement.rate.normal');
  }

  /** Weighted minutes (after-hours multiplier applied) with one decimal, as the hours report shows them. */
  weighted(minutes: number): string {
    return formatWeightedMinutes(minutes);
  }

  /** The closing total: the hours report's amount when the client has a rate, its chargeable hours otherwise. */
  total(): string {
    const hours = this.hours(this.data.summary.total.chargeableMinutes);
    return this.data.totalCents === undefined
      ? this.t('statement.noRate', { hours })
      : this.t('statement.total', {
          amount: this.money(this.data.totalCents),
          hours,
          rate: this.money(this.data.hourlyRateCents),
        });
  }
}
