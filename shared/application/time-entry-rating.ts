import type { AfterHoursWindow, TimeEntry, TimeEntryKind } from '../domain/billing/billing-types';
import type { BusinessCalendar } from '../domain/calendar/business-calendar';
import { isOpen } from '../domain/calendar/business-time';
import type { SupportPolicy } from '../domain/policy/support-policy';
import type { Ticket } from '../domain/ticket/ticket';
import type { FollowUpKind } from '../domain/ticket/ticket-event';
import type { AfterHoursStore } from './ports';

/** How an instant is billed: inside support hours, inside an approved after-hours window, or neither. */
export interface Rating {
  afterHours: boolean;
  multiplierPercent: number;
  flag?: 'after-hours-unapproved';
  windowId?: string;
}

/** The approved windows of a client that contain `at`. */
export async function approvedWindowAt(store: AfterHoursStore, clientId: string, at: Date): Promise<AfterHoursWindow | undefined> {
  const t = at.getTime();
  const windows = await store.listWindows({ clientId, status: 'approved' });
  return windows.find((w) => Date.parse(w.start) <= t && t < Date.parse(w.end));
}

/**
 * Inside support hours: normal rate. Outside them, inside an approved window: the policy's after-hours
 * multiplier. Outside both: normal rate, flagged for a manager (after-hours work nobody approved).
 */
export async function rateInstant(store: AfterHoursStore, calendar: BusinessCalendar, policy: SupportPolicy, clientId: string, at: Date): Promise<Rating> {
  if (isOpen(calendar, at)) return { afterHours: false, multiplierPercent: 100 };
  const window = await approvedWindowAt(store, clientId, at);
  if (window) return { afterHours: true, multiplierPercent: policy.billing.afterHoursMultiplierPercent, windowId: window.id };
  return { afterHours: true, multiplierPercent: 100, flag: 'after-hours-unapproved' };
}

export interface EntryFacts {
  id: string;
  ticket: Ticket;
  kind: TimeEntryKind;
  followUpKind?: FollowUpKind;
  at: string;
  actorId: string;
  minutes: number;
  consultants?: number;
  note?: string;
}

/** A time entry: billed minutes = minutes x consultants, with the rating's after-hours fields. */
export function timeEntry(facts: EntryFacts, rating: Rating): TimeEntry {
  const consultants = facts.consultants ?? 1;
  const entry: TimeEntry = {
    id: facts.id,
    ticketId: facts.ticket.id,
    clientId: facts.ticket.clientId,
    kind: facts.kind,
    at: facts.at,
    actorId: facts.actorId,
    minutes: facts.minutes,
    consultants,
    billedMinutes: facts.minutes * consultants,
    afterHours: rating.afterHours,
    multiplierPercent: rating.multiplierPercent,
  };
  if (facts.followUpKind) entry.followUpKind = facts.followUpKind;
  if (rating.flag) entry.flag = rating.flag;
  if (facts.note) entry.note = facts.note;
  return entry;
}
