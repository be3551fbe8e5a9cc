import type { AlertThreshold, SlaClockName } from '../ports';

/**
 * The alert ledger's keys: one per thing that must be sent at most once. Every key starts with its
 * kind so `AlertLedger.list(prefix)` finds a family.
 */
export const alertKeys = {
  /** The monitor's check that a new ticket's acknowledgement went out (the mailer keeps its own once-key). */
  acknowledgement: (ticketId: string) => `ack:${ticketId}`,
  sla: (ticketId: string, clock: SlaClockName, threshold: AlertThreshold) => `sla:${ticketId}:${clock}:${threshold}`,
  /** Per approved budget: an approved extension makes a new budget whose 80% and 100% alert again. */
  budget: (ticketId: string, budgetMinutes: number, percent: number) => `budget:${ticketId}:${budgetMinutes}:${percent}`,
  /** The n-th reminder of a phone ticket still awaiting its email. */
  phoneReminder: (ticketId: string, n: number) => `phone-reminder:${ticketId}:${n}`,
  /** The client's one reminder to send the email of a phone or Teams ticket (same family: warmed with it). */
  phoneClientReminder: (ticketId: string) => `phone-reminder:${ticketId}:client`,
  /** The n-th "check the Microsoft case" reminder of one wait on Microsoft (the pause's start). */
  microsoftReminder: (ticketId: string, waitStart: string, n: number) => `ms-reminder:${ticketId}:${waitStart}:${n}`,
  /** The assignee's reminder that the next contact attempt is due, per unanswered attempt (its instant). */
  contactAttemptDue: (ticketId: string, lastAttemptAt: string) => `contact-due:${ticketId}:${lastAttemptAt}`,
  /** The managers' digest of one local date of the support calendar. */
  digest: (date: string) => `digest:${date}`,
} as const;
