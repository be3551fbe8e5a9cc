import type { SenderAuthenticationPolicy } from '../mail/sender-authentication';
import type { CalendarSpec } from '../calendar/calendar-spec';
import type { IncidentType, Priority } from '../ticket/ticket-types';

/** Response SLA of one priority: warn at the target, breach at the breach (business minutes). */
export interface ResponseTarget {
  /** null when the policy names no separate target (critical: "immediate, within 30 minutes"). */
  targetMinutes: number | null;
  breachMinutes: number;
}

/** Resolution budget of one incident type; a range lets the consultant pick when classifying. */
export interface ResolutionBudget {
  minMinutes: number;
  maxMinutes: number;
  /** The budget used until a consultant picks one inside the range. */
  defaultMinutes: number;
}

/**
 * Every number of ../shared/POLICY.md. A client's contract may override any of it; a ticket keeps the
 * version id of the policy it was opened under.
 */
export interface SupportPolicy {
  name: string;
  calendar: CalendarSpec;
  response: Record<Priority, ResponseTarget>;
  resolution: Record<IncidentType, ResolutionBudget>;
  /** A clock is at risk past its target, or past this percentage of its breach. */
  atRiskPercent: number;
  billing: {
    followUpMinutes: number;
    /** After-hours charges are multiplied by this percentage (150 = x1.5). Integer, never a float. */
    afterHoursMultiplierPercent: number;
    /** Hourly rate in integer cents (MXN) used to price billed minutes; 0 when the contract sets none. */
    hourlyRateCents: number;
    currency: string;
  };
  noResponse: {
    /** Unanswered contact attempts before the final notice. */
    contactAttempts: number;
    /** Business days after the final notice before the ticket closes. */
    noticeBusinessDays: number;
    /**
     * Business minutes an attempt must go unanswered before the next one may be made, and the last one
     * before the final notice goes out (default 570: one business day of 08:30-18:00).
     */
    minBusinessMinutesBetweenAttempts: number;
  };
  /** Budget alerts at these percentages of the approved budget consumed. */
  budgetAlertPercents: number[];
  /** Triage defaults when intake carries no classification. */
  defaults: { priority: Priority; incidentType: IncidentType };
  reminders: {
    /** Phone tickets awaiting their email: remind every N business minutes. */
    phoneEmailMinutes: number;
    /** Tickets waiting on Microsoft: remind to check the case every N business minutes. */
    microsoftCaseMinutes: number;
  };
  mail: {
    /**
     * Mail whose sender the receiving server could not authenticate (dmarc=fail, spf=fail without a DKIM
     * pass, compauth=fail): reject (kept as processed, nobody told), quarantine (kept, managers told) or
     * accept. Never answered either way: the From is forged.
     */
    senderAuthentication: SenderAuthenticationPolicy;
  };
}
