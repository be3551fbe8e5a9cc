import type { Ticket } from '../ticket/ticket';

export const SLA_STATES = ['on-track', 'at-risk', 'breached', 'met', 'paused'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export type SlaClockName = 'response' | 'resolution';

/** The ticket fields the clocks read (a stored Ticket has them all). */
export type SlaTicket = Pick<
  Ticket,
  'priority' | 'budgetMinutes' | 'openedAt' | 'firstResponseAt' | 'resolvedAt' | 'closedAt' | 'pauses'
>;

/** One clock at one instant. Minutes are business minutes (may carry seconds as fractions). */
export interface ClockStatus {
  clock: SlaClockName;
  state: SlaState;
  /** Counted business minutes from the start to the stop (or to `at` while running). */
  elapsedMinutes: number;
  /** breachMinutes - elapsedMinutes (negative once breached). */
  remainingMinutes: number;
  /** Warn threshold of the policy (response targets; null when the policy names none). */
  targetMinutes: number | null;
  /** At risk from here: the target, or atRiskPercent of the breach, whichever comes first. */
  atRiskMinutes: number;
  /** Breach threshold (response) or the approved budget (resolution). */
  breachMinutes: number;
  startedAt: string;
  /** When the clock stopped (first response; resolution or closing). */
  stoppedAt?: string;
  /** Due instants, while the clock runs (absent when stopped or paused: a pause moves them). */
  targetAt?: string;
  atRiskAt?: string;
  breachAt?: string;
}

export interface SlaStatus {
  at: string;
  response: ClockStatus;
  resolution: ClockStatus;
}
