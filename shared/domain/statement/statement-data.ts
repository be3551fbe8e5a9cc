import type { TimeEntryKind } from '../billing/billing-types';
import type { MonthlySummary } from '../billing/monthly-summary';
import type { ClockCompliance } from '../dashboard/compliance';
import type { FollowUpKind } from '../ticket/ticket-event';
import type { Locale, Priority } from '../ticket/ticket-types';

/** One billed line of a statement: a time entry of the month, traceable to its ticket. */
export interface StatementLine {
  entryId: string;
  at: string;
  ticketId: string;
  ticketNumber: string;
  kind: TimeEntryKind;
  followUpKind?: FollowUpKind;
  /** The act's own minutes (a session's length; 15 for a follow-up). */
  minutes: number;
  consultants: number;
  /** minutes x consultants. */
  billedMinutes: number;
  afterHours: boolean;
  /** 100, or the after-hours multiplier inside an approved window. */
  multiplierPercent: number;
  /** The entry's own amount: chargeCents of billedMinutes x multiplierPercent (0 when the client has no rate).
   * Shown per line; the statement's total is the hours report's (sum of its rounded kind lines), not their sum. */
  chargeCents: number;
}

/** What a client's monthly statement says: every figure, frozen with the statement once drafted. */
export interface StatementData {
  clientId: string;
  clientName: string;
  locale: Locale;
  /** `YYYY-MM` in the support calendar's zone, and its bounds as UTC instants `[from, to)`. */
  month: string;
  from: string;
  to: string;
  currency: string;
  /** 0: the client has no rate, the statement shows hours only. */
  hourlyRateCents: number;
  tickets: { opened: number; resolved: number; closedValidated: number; closedNoResponse: number };
  /** Tickets opened in the month: their clocks kept or missed, by priority and in total. */
  compliance: ClockCompliance & { byPriority: Record<Priority, ClockCompliance> };
  lines: StatementLine[];
  /** The month's hours by kind, after-hours apart: the hours report (monthlySummary), figure for figure. */
  summary: MonthlySummary;
  extensions: { requested: number; approved: number; approvedMinutes: number; refused: number };
  microsoftCases: Array<{ ticketNumber: string; caseNumber: string }>;
  /** summary.total.amountCents (the hours report's total) when the client has a rate. */
  totalCents?: number;
}
