import { DateTime } from 'luxon';
import { TIME_ENTRY_KINDS, type TimeEntry, type TimeEntryKind } from '../domain/billing/billing-types';
import { ValidationError } from '../domain/errors';
import type { PolicyRegistry } from './policy-registry';
import type { Store } from './ports';

export interface HoursRow {
  kind: TimeEntryKind;
  entries: number;
  /** Billed minutes inside support hours. */
  regularMinutes: number;
  /** Billed minutes inside approved after-hours windows, before and after the multiplier. */
  afterHoursMinutes: number;
  afterHoursWeightedMinutes: number;
  /** After-hours minutes nobody approved (billed at the normal rate, flagged). */
  unapprovedAfterHoursMinutes: number;
  /** regular + weighted after-hours + unapproved: what the client is charged for. */
  chargeableMinutes: number;
}

export interface HoursReport {
  clientId: string;
  month: string;
  /** The month's bounds in the support calendar's zone, as UTC instants [from, to). */
  from: string;
  to: string;
  rows: HoursRow[];
  total: Omit<HoursRow, 'kind'>;
  hourlyRateCents: number;
  currency: string;
  amountCents: number;
}

function emptyRow(kind: TimeEntryKind): HoursRow {
  return { kind, entries: 0, regularMinutes: 0, afterHoursMinutes: 0, afterHoursWeightedMinutes: 0, unapprovedAfterHoursMinutes: 0, chargeableMinutes: 0 };
}

function add(row: Omit<HoursRow, 'kind'>, entry: TimeEntry): void {
  row.entries += 1;
  if (!entry.afterHours) row.regularMinutes += entry.billedMinutes;
  else if (entry.flag === 'after-hours-unapproved') row.unapprovedAfterHoursMinutes += entry.billedMinutes;
  else {
    const weighted = Math.round((entry.billedMinutes * entry.multiplierPercent) / 100);
    row.afterHoursMinutes += entry.billedMinutes;
    row.afterHoursWeightedMinutes += weighted;
  }
  row.chargeableMinutes = row.regularMinutes + row.afterHoursWeightedMinutes + row.unapprovedAfterHoursMinutes;
}

/** Billed time per client and month, by kind (follow-ups, sessions, work), after-hours apart. */
export class BillingService {
  constructor(private readonly deps: { store: Store; policies: PolicyRegistry }) {}

  async hoursReport(clientId: string, month: string): Promise<HoursReport> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new ValidationError('month', `"${month}" is not a month as YYYY-MM`);
    const client = await this.deps.policies.client(clientId);
    const { policy } = await this.deps.policies.forClient(client);
    const start = DateTime.fromISO(`${month}-01`, { zone: policy.calendar.timezone });
    const from = start.toUTC().toISO() ?? '';
    const to = start.plus({ months: 1 }).toUTC().toISO() ?? '';
    const entries = await this.deps.store.tickets.timeEntries({ clientId: client.id, from: new Date(from).toISOString(), to: new Date(to).toISOString() });
    const rows = TIME_ENTRY_KINDS.map(emptyRow);
    const total = emptyRow('work') as Omit<HoursRow, 'kind'> & { kind?: TimeEntryKind };
    delete total.kind;
    for (const entry of entries) {
      add(rows[TIME_ENTRY_KINDS.indexOf(entry.kind)], entry);
      add(total, entry);
    }
    const rate = policy.billing.hourlyRateCents;
    return {
      clientId: client.id,
      month,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      rows,
      total,
      hourlyRateCents: rate,
      currency: policy.billing.currency,
      amountCents: Math.round((total.chargeableMinutes * rate) / 60),
    };
  }
}
