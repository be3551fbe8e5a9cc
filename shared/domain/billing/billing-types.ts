import type { FollowUpKind } from '../ticket/ticket-event';

export const TIME_ENTRY_KINDS = ['follow-up', 'session', 'work'] as const;
export type TimeEntryKind = (typeof TIME_ENTRY_KINDS)[number];

/** Billed time. Minutes are integers; after-hours entries carry the policy's multiplier. */
export interface TimeEntry {
  id: string;
  ticketId: string;
  clientId: string;
  kind: TimeEntryKind;
  followUpKind?: FollowUpKind;
  at: string;
  actorId: string;
  /** The duration of the act itself (15 for a follow-up, the session length, the work time). */
  minutes: number;
  /** Consultants involved (sessions bill minutes x consultants; 1 otherwise). */
  consultants: number;
  /** minutes x consultants. */
  billedMinutes: number;
  afterHours: boolean;
  /** 100 normally; the policy's after-hours percentage inside an approved window. */
  multiplierPercent: number;
  /** After-hours work with no approved window: billed normally, flagged for a manager. */
  flag?: 'after-hours-unapproved';
  note?: string;
}

/** A client's advance request (by email) for attention outside support hours. */
export interface AfterHoursWindow {
  id: string;
  clientId: string;
  start: string;
  end: string;
  status: 'requested' | 'approved' | 'refused';
  requestedBy: string;
  requestMessageId?: string;
  requestedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
}
