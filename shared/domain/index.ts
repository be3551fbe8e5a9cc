/**
 * The public surface of the Soporte domain (pure, browser-safe). Named exports only; see
 * docs/domain.md for what each does. Import from here rather than from the files inside.
 */

// Errors
export {
  DomainError,
  ValidationError,
  CalendarError,
  PolicyError,
  InvalidTransitionError,
  NotAuthorizedError,
  NotFoundError,
  ConflictError,
} from './common/errors';

// Business calendar
export * from './calendar/index';

// Policy
export type { SupportPolicy, ResponseTarget, ResolutionBudget } from './policy/support-policy';
export { DEFAULT_POLICY, DEFAULT_HOLIDAY_YEARS, mexicanSupportCalendar } from './policy/default-policy';
export { supportPolicySchema, parsePolicy } from './policy/policy-schema';
export { mergePolicy } from './policy/merge-policy';
export { policyVersion, canonicalJson } from './policy/policy-version';
export { policyForClient } from './policy/policy-for-client';
export { pickBudget } from './policy/budget-pick';

// Ticket
export type { Ticket, SlaPause } from './ticket/ticket';
export type { TicketEvent, NewTicketEvent, TicketEventData, TicketEventType, FollowUpKind } from './ticket/ticket-event';
export { FOLLOW_UP_KINDS } from './ticket/ticket-event';
export type {
  Priority,
  IncidentType,
  SupportLevel,
  TicketStatus,
  CloseReason,
  Channel,
  StaffRole,
  ActorRole,
  Actor,
  Locale,
} from './ticket/ticket-types';
export {
  PRIORITIES,
  INCIDENT_TYPES,
  SUPPORT_LEVELS,
  TICKET_STATUSES,
  CLOSE_REASONS,
  CHANNELS,
  STAFF_ROLES,
  LOCALES,
} from './ticket/ticket-types';
export type { TransitionKey } from './ticket/transition-table';
export { TRANSITIONS, transitionKey, nextStatus, allowedEvents } from './ticket/transition-table';
export { applyEvent, FALLBACK_FOLLOW_UP_MINUTES } from './ticket/apply-event';
export type { OpenTicketInput, OpenedEvent } from './ticket/open-ticket';
export { openTicket, ticketFromOpened, linkedTicketInput, clipDescription, DESCRIPTION_MAX_CHARS } from './ticket/open-ticket';
export { replay } from './ticket/replay';
export type { Action } from './ticket/permissions';
export { ACTIONS, PERMISSIONS, isAllowed, assertAllowed, actionForEvent, assertEventAllowed } from './ticket/permissions';

// SLA clocks
export type { SlaState, SlaClockName, SlaTicket, ClockStatus, SlaStatus } from './sla/sla-types';
export { SLA_STATES } from './sla/sla-types';
export { slaStatus } from './sla/sla-status';
export { slaCalendar } from './sla/sla-calendar';
export { parseInstant } from './sla/parse-instant';
export type { SlaExplanation, ClockExplanation, ExplainedSpan, ExplainedChange } from './sla/explain-sla';
export { explainSla } from './sla/explain-sla';
export { formatSlaExplanation } from './sla/format-sla-explanation';

// Billing
export type { TimeEntry, TimeEntryKind, AfterHoursWindow } from './billing/billing-types';
export { TIME_ENTRY_KINDS } from './billing/billing-types';
export type { AfterHoursRating } from './billing/after-hours-rating';
export { rateAfterHours, approvedWindowAt } from './billing/after-hours-rating';
export type { TimeEntryFacts, BillingContext } from './billing/time-entry';
export { buildTimeEntry } from './billing/time-entry';
export { chargeCents } from './billing/charge';
export type { BudgetStatus, ExtensionRequest } from './billing/budget';
export { budgetStatus, budgetAlertsCrossed, extensionRequests } from './billing/budget';
export type { MonthlySummary, HoursLine, HoursRow } from './billing/monthly-summary';
export { billedMinutes, monthlySummary } from './billing/monthly-summary';
export type { BillingMonth } from './billing/billing-month';
export { billingMonth } from './billing/billing-month';
export { formatWeightedMinutes } from './billing/weighted-minutes';

// Requesters
export type { Client, AuthorizedRequester, Staff, DirectoryAuditEntry, DeepPartial } from './requesters/directory-types';
export type { Authorizers } from './requesters/authorization';
export {
  normalizeEmail,
  isEffective,
  authorizedRequesterFor,
  resolveRequester,
  isAuthorizedRequester,
  whoCanAuthorize,
} from './requesters/authorization';
export type { ClientWithRequesters, EffectiveDates, RequesterResolution } from './requesters/authorization';
export type { NewRequesterInput } from './requesters/requester-changes';
export { newRequester, deactivateRequester } from './requesters/requester-changes';

// Message catalog
export type { MessageTable, MessageParams, MessageKey } from './i18n/catalog';
export { t, resolveLocale, hasMessage, messageKeys } from './i18n/catalog';

// Dashboard (managers' view): aggregations over tickets read with slaStatus and the billing rules
export type { MonthSpan } from './dashboard/months';
export { monthSpan, monthOf, monthsEndingAt, spanIndex } from './dashboard/months';
export type { DashboardTicket } from './dashboard/dashboard-ticket';
export type { ComplianceCount, ClockCompliance, MonthCompliance } from './dashboard/compliance';
export { slaCompliance } from './dashboard/compliance';
export type { SlaIncident } from './dashboard/sla-incidents';
export { slaIncidents, holderAt } from './dashboard/sla-incidents';
export type { AgeBucket, OpenTicketProfile } from './dashboard/open-profile';
export { AGE_BUCKETS, openTicketProfile } from './dashboard/open-profile';
export type { ConsultantLoad } from './dashboard/workload';
export { consultantWorkload } from './dashboard/workload';
export type { TicketHours, ClientHours, HoursAgainstBudgets } from './dashboard/hours-against-budgets';
export { hoursAgainstBudgets } from './dashboard/hours-against-budgets';

// Monthly statements
export type { StatementData, StatementLine } from './statement/statement-data';
export type { StatementInput } from './statement/build-statement';
export { buildStatement, previousMonth } from './statement/build-statement';
export type { Statement, StatementStatus } from './statement/statement';
export { STATEMENT_STATUSES, statementId, statementReplyIntent } from './statement/statement';
export { statementMonthDue } from './statement/statement-due';

// Optional properties
export type { DefinedOnly } from './common/optional';
export { definedOnly } from './common/optional';
