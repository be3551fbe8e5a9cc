import { isOpen, type BusinessCalendar } from '../calendar/index';
import type { SupportPolicy } from '../policy/support-policy';
import type { AfterHoursWindow } from './billing-types';

/** How an instant is billed: inside support hours, inside an approved after-hours window, or neither. */
export interface AfterHoursRating {
  afterHours: boolean;
  /** 100, or the policy's after-hours percentage inside an approved window. */
  multiplierPercent: number;
  flag?: 'after-hours-unapproved';
  /** The approved window the instant falls in. */
  windowId?: string;
}

/** The client's APPROVED window containing `at` (`[start, end)`), if any. */
export function approvedWindowAt(windows: readonly AfterHoursWindow[], clientId: string, at: Date): AfterHoursWindow | undefined {
  const t = at.getTime();
  return windows.find(
    (w) => w.status === 'approved' && w.clientId === clientId && Date.parse(w.start) <= t && t < Date.parse(w.end),
  );
}

/**
 * Inside support hours (`calendar` = the policy's calendar, without after-hours windows): normal rate.
 * Outside them, inside an approved window of the client: the policy's after-hours multiplier. Outside
 * both: normal rate, flagged 'after-hours-unapproved' for a manager.
 */
/** Whether rating time at `at` needs the client's approved after-hours windows: only outside support hours. */
export function needsAfterHoursWindows(calendar: BusinessCalendar, at: Date): boolean {
  return !isOpen(calendar, at);
}

export function rateAfterHours(
  policy: SupportPolicy,
  calendar: BusinessCalendar,
  windows: readonly AfterHoursWindow[],
  clientId: string,
  at: Date,
): AfterHoursRating {
  if (!needsAfterHoursWindows(calendar, at)) return { afterHours: false, multiplierPercent: 100 };
  const window = approvedWindowAt(windows, clientId, at);
  if (window) return { afterHours: true, multiplierPercent: policy.billing.afterHoursMultiplierPercent, windowId: window.id };
  return { afterHours: true, multiplierPercent: 100, flag: 'after-hours-unapproved' };
}

/**
 * Only work a person did outside an approved window is flagged for a manager: what the system does by itself
 * (an automatic reminder, the final notice, the closure follow-up it bills when the client confirms by email at
 * night) is never "after-hours work nobody approved". Such an entry keeps its after-hours fact, at the normal rate.
 */
export function flagOnlyPersonalWork<R extends { flag?: 'after-hours-unapproved' }>(rating: R, actorRole: string): R {
  if (actorRole !== 'system' || rating.flag === undefined) return rating;
  const unflagged = { ...rating };
  delete unflagged.flag;
  return unflagged;
}
