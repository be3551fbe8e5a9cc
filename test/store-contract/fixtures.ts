/**
 * Plain fixture records for the store contract suite. They are built by hand, not through domain
 * logic: the suite checks what a store keeps, not what the policy decides.
 */
import { randomUUID } from 'node:crypto';
import type { AfterHoursWindow, TimeEntry } from '../../shared/domain/billing';
import type { AuthorizedRequester, Client, DirectoryAuditEntry, Staff } from '../../shared/domain/requesters';
import type { Ticket } from '../../shared/domain/ticket';
import type { NewTicketEvent } from '../../shared/domain/ticket';
import type { Actor } from '../../shared/domain/ticket';

export const FIXTURE_AT = '2026-03-02T16:00:00.000Z';
const SYSTEM: Actor = { role: 'system', id: 'store-contract' };

export function newId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** A ticket ready for `open`: number and version are left for the store to assign. */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: newId('ticket'),
    number: '',
    version: '',
    clientId: 'client-acme',
    requesterEmail: 'ana@acme.example',
    subject: 'Mailbox does not sync',
    description: 'Outlook stopped syncing this morning.',
    priority: 'medium',
    incidentType: 'technical-regular',
    budgetMinutes: 240,
    status: 'new',
    level: 'L1',
    channel: 'email',
    awaitingEmail: false,
    contactAttempts: 0,
    policyVersion: 'policy-test',
    locale: 'es-MX',
    openedAt: FIXTURE_AT,
    lastActivityAt: FIXTURE_AT,
    pauses: [],
    consumedMinutes: 0,
    ...overrides,
  };
}

/** The `opened` event matching `ticket` (its number is filled in by the store). */
export function openedEvent(ticket: Ticket, actor: Actor = SYSTEM): NewTicketEvent {
  return {
    type: 'opened',
    at: ticket.openedAt,
    actor,
    channel: ticket.channel,
    data: {
      number: '',
      clientId: ticket.clientId,
      requesterEmail: ticket.requesterEmail,
      subject: ticket.subject,
      description: ticket.description,
      priority: ticket.priority,
      incidentType: ticket.incidentType,
      budgetMinutes: ticket.budgetMinutes,
      awaitingEmail: ticket.awaitingEmail,
      ...(ticket.sourceMessageId ? { sourceMessageId: ticket.sourceMessageId } : {}),
      policyVersion: ticket.policyVersion,
      locale: ticket.locale,
    },
  };
}

export function noteEvent(text: string, at: string = FIXTURE_AT, actor: Actor = SYSTEM): NewTicketEvent {
  return { type: 'note-added', at, actor, channel: 'teams', data: { text, internal: true } };
}

export function assignedEvent(assigneeId: string, at: string = FIXTURE_AT): NewTicketEvent {
  return { type: 'assigned', at, actor: { role: 'manager', id: 'staff-manager' }, channel: 'teams', data: { assigneeId } };
}

/** Opens `ticket` with its opened event for `year` (default 2026). */
export function openInput(ticket: Ticket = makeTicket(), year = 2026, entries?: TimeEntry[]) {
  return { ticket, events: [openedEvent(ticket)], year, ...(entries ? { entries } : {}) };
}

export function makeEntry(ticket: Pick<Ticket, 'id' | 'clientId'>, overrides: Partial<TimeEntry> = {}): TimeEntry {
  return {
    id: newId('entry'),
    ticketId: ticket.id,
    clientId: ticket.clientId,
    kind: 'follow-up',
    followUpKind: 'progress',
    at: FIXTURE_AT,
    actorId: 'staff-l1',
    minutes: 15,
    consultants: 1,
    billedMinutes: 15,
    afterHours: false,
    multiplierPercent: 100,
    ...overrides,
  };
}

export function makeClient(overrides: Partial<Client> = {}): Client {
  return {
    id: newId('client'),
    name: 'Acme SA de CV',
    domains: ['acme.example'],
    locale: 'es-MX',
    managerEmails: ['manager@partner.example'],
    createdAt: FIXTURE_AT,
    ...overrides,
  };
}

export function makeRequester(clientId: string, overrides: Partial<AuthorizedRequester> = {}): AuthorizedRequester {
  return {
    id: newId('requester'),
    clientId,
    email: 'ana@acme.example',
    name: 'Ana López',
    isClientAdmin: false,
    effectiveFrom: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function makeStaff(overrides: Partial<Staff> = {}): Staff {
  return {
    id: newId('staff'),
    name: 'Luis Pérez',
    email: 'luis@partner.example',
    role: 'L1',
    locale: 'es-MX',
    active: true,
    ...overrides,
  };
}

export function makeAudit(subject: string, overrides: Partial<DirectoryAuditEntry> = {}): DirectoryAuditEntry {
  return { id: newId('audit'), at: FIXTURE_AT, actorId: 'staff-manager', action: 'requester.add', subject, ...overrides };
}

export function makeWindow(clientId: string, overrides: Partial<AfterHoursWindow> = {}): AfterHoursWindow {
  return {
    id: newId('window'),
    clientId,
    start: '2026-03-07T15:00:00.000Z',
    end: '2026-03-07T23:00:00.000Z',
    status: 'requested',
    requestedBy: 'ana@acme.example',
    requestedAt: FIXTURE_AT,
    ...overrides,
  };
}
