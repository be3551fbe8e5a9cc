import type { BusinessCalendar } from '../calendar/business-calendar';
import { addBusinessMinutes } from '../calendar/business-time';
import { definedOnly } from '../common/optional';
import type { SupportPolicy } from '../policy/support-policy';
import type { Ticket } from './ticket';
import { allowedEvents } from './transition-table';

/** Why the next contact attempt cannot be made now. */
export type ContactAttemptBlock = 'status' | 'final-notice-sent' | 'all-attempts-made' | 'too-soon';

/** Where a ticket stands in the no-response workflow at one instant. */
export interface ContactAttemptStatus {
  /** Unanswered attempts made so far (since the client last replied). */
  made: number;
  /** The policy's count (noResponse.contactAttempts). */
  max: number;
  /** A contact attempt may be recorded now. */
  allowed: boolean;
  blocked?: ContactAttemptBlock;
  /** When the next attempt becomes possible (blocked: too-soon), UTC ISO. */
  nextAttemptAt?: string;
  /** Every attempt made and unanswered: when the final notice falls due (until it is sent), UTC ISO. */
  finalNoticeDueAt?: string;
}

type ContactTicket = Pick<Ticket, 'status' | 'contactAttempts' | 'finalNoticeAt' | 'lastContactAttemptAt' | 'lastActivityAt'>;

/** When an unanswered attempt made at `at` has waited long enough (the policy's spacing, in business minutes). */
function spacedAfter(at: string, policy: SupportPolicy, calendar: BusinessCalendar): Date {
  return addBusinessMinutes(calendar, new Date(at), policy.noResponse.minBusinessMinutesBetweenAttempts);
}

/**
 * The no-response rules of POLICY.md as one function: at most `noResponse.contactAttempts` unanswered
 * attempts, each at least `minBusinessMinutesBetweenAttempts` business minutes after the previous one,
 * and the final notice only once the last attempt has gone unanswered that long. A ticket whose status
 * takes no contact attempt (the transition table) is blocked by `status`. Pure: `now` is given.
 */
export function contactAttemptStatus(
  ticket: ContactTicket,
  policy: SupportPolicy,
  calendar: BusinessCalendar,
  now: Date,
): ContactAttemptStatus {
  const max = policy.noResponse.contactAttempts;
  const made = ticket.contactAttempts;
  const base = { made, max };
  if (ticket.finalNoticeAt) return { ...base, allowed: false, blocked: 'final-notice-sent' };
  const last = made > 0 ? (ticket.lastContactAttemptAt ?? ticket.lastActivityAt) : undefined;
  const spaced = last ? spacedAfter(last, policy, calendar) : undefined;
  if (made >= max)
    return { ...base, allowed: false, blocked: 'all-attempts-made', ...definedOnly({ finalNoticeDueAt: spaced?.toISOString() }) };
  if (spaced && now.getTime() < spaced.getTime())
    return { ...base, allowed: false, blocked: 'too-soon', nextAttemptAt: spaced.toISOString() };
  if (!allowedEvents(ticket.status).includes('contact-attempted')) return { ...base, allowed: false, blocked: 'status' };
  return { ...base, allowed: true };
}

/** True when the final notice is due at `now` (every attempt made and the last one unanswered long enough). */
export function finalNoticeDue(status: ContactAttemptStatus, now: Date): boolean {
  return (
    status.blocked === 'all-attempts-made' &&
    status.finalNoticeDueAt !== undefined &&
    now.getTime() >= Date.parse(status.finalNoticeDueAt)
  );
}
