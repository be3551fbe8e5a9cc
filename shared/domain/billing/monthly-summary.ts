import { DateTime } from 'luxon';
import { ValidationError } from '../errors';
import type { SupportPolicy } from '../policy/support-policy';
import { TIME_ENTRY_KINDS, type TimeEntry, type TimeEntryKind } from './billing-types';
import { chargeCents } from './charge';

export interface SummaryLine {
  entries: number;
  /** Sum of billedMinutes (minutes x consultants). */
  billedMinutes: number;
  chargeCents: number;
}

export interface MonthlySummary {
  clientId: string;
  /** `YYYY-MM` in the policy calendar's time zone. */
  month: string;
  currency: string;
  /** Entries inside support hours (and after-hours entries with no approved window, billed normally). */
  regular: Record<TimeEntryKind, SummaryLine>;
  /** Entries inside approved after-hours windows (with the multiplier). */
  afterHours: Record<TimeEntryKind, SummaryLine>;
  /** After-hours entries no window approved (included in `regular`, listed for a manager). */
  unapprovedAfterHours: string[];
  total: SummaryLine;
}

const emptyLine = (): SummaryLine => ({ entries: 0, billedMinutes: 0, chargeCents: 0 });
const byKind = (): Record<TimeEntryKind, SummaryLine> => Object.fromEntries(TIME_ENTRY_KINDS.map((k) => [k, emptyLine()])) as Record<TimeEntryKind, SummaryLine>;

function add(line: SummaryLine, entry: TimeEntry, cents: number): void {
  line.entries += 1;
  line.billedMinutes += entry.billedMinutes;
  line.chargeCents += cents;
}

/**
 * A client's billed time for `month` (`YYYY-MM`, months in the policy calendar's zone) by kind, with
 * after-hours (approved windows) separate, for `hours --client --month`. Entries of other clients or
 * months are ignored.
 */
export function monthlySummary(entries: readonly TimeEntry[], policy: SupportPolicy, clientId: string, month: string): MonthlySummary {
  const start = DateTime.fromFormat(month, 'yyyy-MM', { zone: policy.calendar.timezone });
  if (!/^\d{4}-\d{2}$/.test(month) || !start.isValid) throw new ValidationError('month', `"${month}" is not a month "YYYY-MM"`);
  const from = start.toMillis();
  const to = start.plus({ months: 1 }).toMillis();
  const summary: MonthlySummary = { clientId, month, currency: policy.billing.currency, regular: byKind(), afterHours: byKind(), unapprovedAfterHours: [], total: emptyLine() };
  for (const entry of entries) {
    const t = Date.parse(entry.at);
    if (entry.clientId !== clientId || t < from || t >= to) continue;
    const cents = chargeCents(entry, policy);
    const premium = entry.afterHours && entry.multiplierPercent > 100;
    add((premium ? summary.afterHours : summary.regular)[entry.kind], entry, cents);
    add(summary.total, entry, cents);
    if (entry.flag === 'after-hours-unapproved') summary.unapprovedAfterHours.push(entry.id);
  }
  return summary;
}
