import type { SupportPolicy } from '../policy/support-policy';
import { TIME_ENTRY_KINDS, type TimeEntry, type TimeEntryKind } from './billing-types';
import { billingMonth } from './billing-month';
import { chargeCents } from './charge';

/** One line of the hours report. Minutes are exact (22.5 stays 22.5); money is rounded once, per line. */
export interface HoursLine {
  entries: number;
  /** Billed minutes (minutes x consultants) inside support hours. */
  regularMinutes: number;
  /** Billed minutes inside approved after-hours windows, before and after the multiplier. */
  afterHoursMinutes: number;
  afterHoursWeightedMinutes: number;
  /** After-hours minutes nobody approved (billed at the normal rate, flagged for a manager). */
  unapprovedAfterHoursMinutes: number;
  /** regular + weighted after-hours + unapproved: what the client is charged for. */
  chargeableMinutes: number;
  /** chargeableMinutes x the hourly rate, rounded half up to the cent once (chargeCents). */
  amountCents: number;
}

/** A line's billed minutes before any multiplier: regular + after-hours (approved or not). */
export function billedMinutes(line: HoursLine): number {
  return line.regularMinutes + line.afterHoursMinutes + line.unapprovedAfterHoursMinutes;
}

export interface HoursRow extends HoursLine {
  kind: TimeEntryKind;
}

/** A client's billed time in a month: one line per kind; the total is the sum of the lines. */
export interface MonthlySummary {
  clientId: string;
  /** `YYYY-MM` in the policy calendar's time zone. */
  month: string;
  /** The month's bounds in that zone, as UTC instants [from, to). */
  from: string;
  to: string;
  rows: HoursRow[];
  /** Sum of the rows; its amount is the sum of the rows' amounts (never rounded again). */
  total: HoursLine;
  hourlyRateCents: number;
  currency: string;
  /** Ids of the after-hours entries no window approved, for a manager. */
  unapprovedAfterHours: string[];
}

/** A line under construction: weighted time kept as an integer (minutes x percent) until the end. */
interface Tally {
  entries: number;
  regular: number;
  afterHours: number;
  afterHoursPercent: number;
  unapproved: number;
}

const emptyTally = (): Tally => ({ entries: 0, regular: 0, afterHours: 0, afterHoursPercent: 0, unapproved: 0 });

function count(tally: Tally, entry: TimeEntry): void {
  tally.entries += 1;
  if (!entry.afterHours) tally.regular += entry.billedMinutes;
  else if (entry.flag === 'after-hours-unapproved') tally.unapproved += entry.billedMinutes;
  else {
    tally.afterHours += entry.billedMinutes;
    tally.afterHoursPercent += entry.billedMinutes * entry.multiplierPercent;
  }
}

function line(tally: Tally, policy: SupportPolicy): HoursLine {
  const percentMinutes = (tally.regular + tally.unapproved) * 100 + tally.afterHoursPercent;
  return {
    entries: tally.entries,
    regularMinutes: tally.regular,
    afterHoursMinutes: tally.afterHours,
    afterHoursWeightedMinutes: tally.afterHoursPercent / 100,
    unapprovedAfterHoursMinutes: tally.unapproved,
    chargeableMinutes: percentMinutes / 100,
    amountCents: chargeCents(percentMinutes, policy),
  };
}

function addTally(into: Tally, tally: Tally): void {
  into.entries += tally.entries;
  into.regular += tally.regular;
  into.afterHours += tally.afterHours;
  into.afterHoursPercent += tally.afterHoursPercent;
  into.unapproved += tally.unapproved;
}

/**
 * The one billing engine: a client's billed time for `month` (`YYYY-MM`, months in the policy
 * calendar's zone) by kind (follow-ups, sessions, work), after-hours apart, with the amount of each
 * line and their total. Entries of other clients or months are ignored. `BillingService.hoursReport`
 * loads the entries and calls this; the CLI and Teams only format what it returns.
 */
export function monthlySummary(
  entries: readonly TimeEntry[],
  policy: SupportPolicy,
  clientId: string,
  month: string,
): MonthlySummary {
  const bounds = billingMonth(month, policy.calendar.timezone);
  const from = Date.parse(bounds.from);
  const to = Date.parse(bounds.to);
  const tallies = new Map<TimeEntryKind, Tally>(TIME_ENTRY_KINDS.map((kind) => [kind, emptyTally()]));
  const unapprovedAfterHours: string[] = [];
  for (const entry of entries) {
    const t = Date.parse(entry.at);
    if (entry.clientId !== clientId || t < from || t >= to) continue;
    count(tallies.get(entry.kind) as Tally, entry);
    if (entry.flag === 'after-hours-unapproved') unapprovedAfterHours.push(entry.id);
  }
  const rows = TIME_ENTRY_KINDS.map((kind): HoursRow => ({ kind, ...line(tallies.get(kind) as Tally, policy) }));
  const all = emptyTally();
  for (const tally of tallies.values()) addTally(all, tally);
  const total: HoursLine = { ...line(all, policy), amountCents: rows.reduce((cents, row) => cents + row.amountCents, 0) };
  return {
    clientId,
    month,
    from: bounds.from,
    to: bounds.to,
    rows,
    total,
    hourlyRateCents: policy.billing.hourlyRateCents,
    currency: policy.billing.currency,
    unapprovedAfterHours,
  };
}
