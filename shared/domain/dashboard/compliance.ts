import type { SlaClockName, SlaStatus } from '../sla/sla-types';
import type { Ticket } from '../ticket/ticket';
import { PRIORITIES, type Priority } from '../ticket/ticket-types';
import { spanIndex, UTC_ISO, type MonthSpan } from './months';

/** Clocks decided in a group: met, breached, still running (not counted in the percentage). */
export interface ComplianceCount {
  met: number;
  breached: number;
  pending: number;
  /** met / (met + breached) in percent with one decimal, rounded down; null when nothing was decided. */
  percent: number | null;
}

export interface ClockCompliance {
  response: ComplianceCount;
  resolution: ComplianceCount;
}

export interface MonthCompliance extends ClockCompliance {
  month: string;
  byPriority: Record<Priority, ClockCompliance>;
  /** By client id, only clients with tickets that month. */
  byClient: Record<string, ClockCompliance>;
}

const count = (): ComplianceCount => ({ met: 0, breached: 0, pending: 0, percent: null });
const clocks = (): ClockCompliance => ({ response: count(), resolution: count() });

function tally(target: ComplianceCount, state: string): void {
  if (state === 'met') target.met += 1;
  else if (state === 'breached') target.breached += 1;
  else target.pending += 1;
}

function finish(target: ComplianceCount): void {
  const decided = target.met + target.breached;
  target.percent = decided === 0 ? null : Math.floor((target.met * 1000) / decided) / 10;
}

/** Index of the last bound <= `iso` (bounds sorted, `iso` not before the first). */
function lastAtOrBefore(bounds: readonly string[], iso: string): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid] <= iso) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Response and resolution compliance per month (the month a ticket was opened, in the spans' zone), in
 * total, by priority and by client, from each ticket's SLA status (slaStatus): a clock `met` counts as
 * kept, `breached` (stopped late, or running past its breach) as missed, anything else as pending.
 */
export function slaCompliance(
  rows: ReadonlyArray<{ ticket: Pick<Ticket, 'clientId' | 'priority' | 'openedAt'>; sla: Pick<SlaStatus, SlaClockName> }>,
  months: readonly MonthSpan[],
): MonthCompliance[] {
  // Instants compare as ISO strings (same UTC format), which saves parsing one per ticket.
  const bounds = months.map((m) => new Date(m.from).toISOString());
  const end = months.length > 0 ? new Date(months[months.length - 1].to).toISOString() : '';
  const monthIndex = (iso: string) =>
    !UTC_ISO.test(iso)
      ? spanIndex(months, Date.parse(iso))
      : months.length === 0 || iso < bounds[0] || iso >= end
        ? -1
        : lastAtOrBefore(bounds, iso);
  const result: MonthCompliance[] = months.map((m) => ({
    month: m.month,
    ...clocks(),
    byPriority: Object.fromEntries(PRIORITIES.map((p) => [p, clocks()])) as Record<Priority, ClockCompliance>,
    byClient: {},
  }));
  for (const { ticket, sla } of rows) {
    const i = monthIndex(ticket.openedAt);
    if (i < 0) continue;
    const month = result[i];
    const client = (month.byClient[ticket.clientId] ??= clocks());
    for (const clock of ['response', 'resolution'] as const) {
      const state = sla[clock].state;
      tally(month[clock], state);
      tally(month.byPriority[ticket.priority][clock], state);
      tally(client[clock], state);
    }
  }
  for (const month of result) {
    for (const group of [month, ...Object.values(month.byPriority), ...Object.values(month.byClient)]) {
      finish(group.response);
      finish(group.resolution);
    }
  }
  return result;
}
