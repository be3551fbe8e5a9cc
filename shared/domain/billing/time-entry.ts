import type { BusinessCalendar } from '../calendar/index';
import { ValidationError } from '../common/errors';
import type { SupportPolicy } from '../policy/support-policy';
import { FOLLOW_UP_KINDS, type FollowUpKind } from '../ticket/ticket-event';
import { flagOnlyPersonalWork, rateAfterHours } from './after-hours-rating';
import type { AfterHoursWindow, TimeEntry } from './billing-types';

/** What a consultant logs; the rules turn it into a TimeEntry. */
export type TimeEntryFacts = {
  id: string;
  ticketId: string;
  clientId: string;
  at: string;
  actorId: string;
  /** Who did it: the system's own automatic messages are never flagged as unapproved after-hours work. */
  actorRole?: string;
  note?: string;
} & (
  | { kind: 'follow-up'; followUpKind: FollowUpKind }
  | { kind: 'session'; minutes: number; consultants: number }
  | { kind: 'work'; minutes: number }
);

export interface BillingContext {
  policy: SupportPolicy;
  /** The policy's calendar WITHOUT after-hours windows (they are rated separately). */
  calendar: BusinessCalendar;
  /** The client's after-hours windows (only approved ones raise the rate). */
  windows: readonly AfterHoursWindow[];
}

function positiveInt(value: number, field: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new ValidationError(field, `must be a whole number above 0 (got ${value})`);
  return value;
}

/**
 * A time entry by the policy's charge rules: a follow-up (progress, follow-up, conclusion, closure,
 * information request, daily email, other) is charged policy.billing.followUpMinutes whatever it
 * took; a session bills its duration x the consultants in it; work bills its minutes. Outside support
 * hours, the entry carries the after-hours multiplier only inside an approved window of the client,
 * and is flagged 'after-hours-unapproved' otherwise (rated by the entry's start instant).
 */
export function buildTimeEntry(facts: TimeEntryFacts, context: BillingContext): TimeEntry {
  const at = new Date(facts.at);
  if (Number.isNaN(at.getTime())) throw new ValidationError('at', `"${facts.at}" is not an ISO instant`);
  let minutes: number;
  let consultants = 1;
  if (facts.kind === 'follow-up') {
    if (!FOLLOW_UP_KINDS.includes(facts.followUpKind))
      throw new ValidationError('followUpKind', `must be one of ${FOLLOW_UP_KINDS.join(', ')}`);
    minutes = context.policy.billing.followUpMinutes;
  } else if (facts.kind === 'session') {
    minutes = positiveInt(facts.minutes, 'minutes');
    consultants = positiveInt(facts.consultants, 'consultants');
  } else if (facts.kind === 'work') {
    minutes = positiveInt(facts.minutes, 'minutes');
  } else {
    throw new ValidationError('kind', `must be follow-up, session or work`);
  }
  const rated = rateAfterHours(context.policy, context.calendar, context.windows, facts.clientId, at);
  const rating = facts.actorRole ? flagOnlyPersonalWork(rated, facts.actorRole) : rated;
  const entry: TimeEntry = {
    id: facts.id,
    ticketId: facts.ticketId,
    clientId: facts.clientId,
    kind: facts.kind,
    at: at.toISOString(),
    actorId: facts.actorId,
    minutes,
    consultants,
    billedMinutes: minutes * consultants,
    afterHours: rating.afterHours,
    multiplierPercent: rating.multiplierPercent,
  };
  if (facts.kind === 'follow-up') entry.followUpKind = facts.followUpKind;
  if (rating.flag) entry.flag = rating.flag;
  if (facts.note !== undefined) entry.note = facts.note;
  return entry;
}
