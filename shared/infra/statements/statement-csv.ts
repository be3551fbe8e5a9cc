import { billedMinutes } from '../../domain/billing';
import type { StatementData } from '../../domain/statement';

const cell = (value: string | number | boolean) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The billed lines as CSV (RFC 4180, UTF-8, stable column names): one row per time entry, then the hours report's total. */
export function statementCsv(data: StatementData): string {
  const header = [
    'date',
    'ticket',
    'kind',
    'follow_up_kind',
    'minutes',
    'consultants',
    'billed_minutes',
    'after_hours',
    'multiplier_percent',
    'charge_cents',
    'currency',
  ];
  const rows = data.lines.map((l) => [
    l.at,
    l.ticketNumber,
    l.kind,
    l.followUpKind ?? '',
    l.minutes,
    l.consultants,
    l.billedMinutes,
    l.afterHours,
    l.multiplierPercent,
    l.chargeCents,
    data.currency,
  ]);
  // The total is the hours report's: billed minutes of the month and the sum of its rounded kind lines.
  const total = data.summary.total;
  rows.push(['total', '', '', '', '', '', billedMinutes(total), '', '', total.amountCents, data.currency]);
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
