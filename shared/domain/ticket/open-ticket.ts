import { ValidationError } from '../common/errors';
import { requireEmail, requireOneOf, requireText } from '../common/input-checks';
import { definedOnly } from '../common/optional';
import { pickBudget } from '../policy/budget-pick';
import { policyVersion } from '../policy/policy-version';
import type { SupportPolicy } from '../policy/support-policy';
import { isMoreUrgent, type PrioritySuggestion } from './priority-suggestion';
import type { Ticket } from './ticket';
import type { NewTicketEvent, TicketEvent } from './ticket-event';
import {
  CHANNELS,
  INCIDENT_TYPES,
  LOCALES,
  PRIORITIES,
  type Actor,
  type Channel,
  type IncidentType,
  type Locale,
  type Priority,
} from './ticket-types';

/**
 * The longest description a ticket records (every store can hold it: SharePoint's multi-line text
 * column takes 63,999). The email stays the full record: edges clip longer texts with clipDescription.
 */
export const DESCRIPTION_MAX_CHARS = 20_000;

/** A description clipped to what a ticket records. */
export function clipDescription(text: string): string {
  return text.length > DESCRIPTION_MAX_CHARS ? text.slice(0, DESCRIPTION_MAX_CHARS) : text;
}

/** What intake (email, phone, add-in) knows when a ticket is opened; an undefined field takes its default. */
export interface OpenTicketInput {
  id: string;
  /** The store allocates `SUP-<year>-<n>` on insert; leave empty until then. */
  number?: string | undefined;
  clientId: string;
  requesterEmail: string;
  subject: string;
  description: string;
  /** Defaults to policy.defaults.priority. */
  priority?: Priority | undefined;
  /** Defaults to policy.defaults.incidentType. */
  incidentType?: IncidentType | undefined;
  /** A pick inside the type's range; defaults to the type's defaultMinutes. */
  budgetMinutes?: number | undefined;
  channel: Channel;
  /** Defaults to true for phone and Teams tickets: not official until the client's email arrives. */
  awaitingEmail?: boolean | undefined;
  sourceMessageId?: string | undefined;
  conversationId?: string | undefined;
  linkedTicketId?: string | undefined;
  /** What the email asked for by itself (suggestPriority); kept only when more urgent than the priority. */
  prioritySuggestion?: PrioritySuggestion | undefined;
  locale: Locale;
  /** When the ticket was sent (the email's arrival, the phone call): the clocks start here. */
  at: string;
  actor: Actor;
}

export type OpenedEvent = Extract<NewTicketEvent, { type: 'opened' }>;

/** The ticket an `opened` event describes (the first step of replay). */
export function ticketFromOpened(ticketId: string, event: OpenedEvent | Extract<TicketEvent, { type: 'opened' }>): Ticket {
  const d = event.data;
  const ticket: Ticket = {
    id: ticketId,
    number: d.number,
    version: '',
    clientId: d.clientId,
    requesterEmail: d.requesterEmail,
    subject: d.subject,
    description: d.description,
    priority: d.priority,
    incidentType: d.incidentType,
    budgetMinutes: d.budgetMinutes,
    status: 'new',
    level: 'L1',
    channel: event.channel,
    awaitingEmail: d.awaitingEmail,
    contactAttempts: 0,
    policyVersion: d.policyVersion,
    locale: d.locale,
    openedAt: event.at,
    lastActivityAt: event.at,
    pauses: [],
    consumedMinutes: 0,
    ...definedOnly({
      sourceMessageId: d.sourceMessageId,
      conversationId: d.conversationId,
      linkedTicketId: d.linkedTicketId,
      prioritySuggestion: d.prioritySuggestion,
    }),
  };
  return ticket;
}

/**
 * A new ticket (status new, level L1, clocks starting at `input.at`) and its `opened` event, under
 * `policy` (its version is recorded). Throws ValidationError naming the field for bad input.
 */
export function openTicket(input: OpenTicketInput, policy: SupportPolicy): { ticket: Ticket; event: OpenedEvent } {
  requireText('id', input.id);
  requireText('clientId', input.clientId);
  const requesterEmail = requireEmail('requesterEmail', input.requesterEmail);
  requireText('subject', input.subject);
  if ((input.description ?? '').length > DESCRIPTION_MAX_CHARS)
    throw new ValidationError('description', `is ${input.description.length} characters long; at most ${DESCRIPTION_MAX_CHARS}`);
  requireOneOf('channel', input.channel, CHANNELS);
  requireOneOf('locale', input.locale, LOCALES);
  if (Number.isNaN(Date.parse(input.at))) throw new ValidationError('at', `"${input.at}" is not an ISO instant`);
  const priority = requireOneOf('priority', input.priority ?? policy.defaults.priority, PRIORITIES);
  const incidentType = requireOneOf('incidentType', input.incidentType ?? policy.defaults.incidentType, INCIDENT_TYPES);
  const data: OpenedEvent['data'] = {
    number: input.number ?? '',
    clientId: input.clientId,
    requesterEmail,
    subject: input.subject.trim(),
    description: input.description ?? '',
    priority,
    incidentType,
    budgetMinutes: pickBudget(policy, incidentType, input.budgetMinutes),
    awaitingEmail: input.awaitingEmail ?? (input.channel === 'phone' || input.channel === 'teams'),
    policyVersion: policyVersion(policy),
    locale: input.locale,
    ...definedOnly({
      sourceMessageId: input.sourceMessageId,
      conversationId: input.conversationId,
      linkedTicketId: input.linkedTicketId,
    }),
  };
  if (input.prioritySuggestion && isMoreUrgent(input.prioritySuggestion.priority, priority))
    data.prioritySuggestion = input.prioritySuggestion;
  const event: OpenedEvent = { type: 'opened', at: input.at, actor: input.actor, channel: input.channel, data };
  return { ticket: ticketFromOpened(input.id, event), event };
}

/**
 * Opening data for a new request about a closed ticket (closed tickets never reopen): same client,
 * requester, priority, type and locale unless `request` says otherwise, linked to the old ticket.
 */
export function linkedTicketInput(
  closed: Ticket,
  request: Omit<OpenTicketInput, 'clientId' | 'linkedTicketId' | 'requesterEmail' | 'locale'> &
    Partial<Pick<OpenTicketInput, 'requesterEmail' | 'locale'>>,
): OpenTicketInput {
  if (closed.status !== 'closed')
    throw new ValidationError(
      'linkedTicketId',
      `ticket ${closed.number || closed.id} is ${closed.status}, not closed: add to it instead`,
    );
  return {
    priority: closed.priority,
    incidentType: closed.incidentType,
    ...request,
    requesterEmail: request.requesterEmail ?? closed.requesterEmail,
    locale: request.locale ?? closed.locale,
    clientId: closed.clientId,
    linkedTicketId: closed.id,
  };
}
