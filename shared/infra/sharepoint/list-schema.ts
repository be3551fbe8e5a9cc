/**
 * The SharePoint lists the store keeps, in one place: provisioning creates them from here and the
 * adapters read and write them through the names here. Every column the store filters or orders on
 * is indexed (SharePoint refuses a filter on a non-indexed column once a list passes its view
 * threshold, and Graph refuses it always unless told to take the risk). Keys the store relies on for
 * compare-and-swap (ticket numbers, alert keys, event keys) enforce unique values.
 */

/** Bumped when a list or column is added; provisioning writes it, the store refuses an older site. */
export const SCHEMA_VERSION = 2;

export type ColumnKind = 'text' | 'note' | 'number' | 'dateTime' | 'boolean';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  /** The store filters or orders on it. */
  indexed?: boolean;
  /** SharePoint enforces unique values (implies indexed). */
  unique?: boolean;
  description: string;
}

export interface ListSpec {
  /** The list's name and title (Graph addresses a list by its title in place of its id). */
  name: string;
  description: string;
  columns: ColumnSpec[];
}

const key = (name: string, description: string): ColumnSpec => ({ name, kind: 'text', indexed: true, unique: true, description });
const indexedText = (name: string, description: string): ColumnSpec => ({ name, kind: 'text', indexed: true, description });
const data = (description = 'The full record as JSON (the source of truth for reads).'): ColumnSpec => ({
  name: 'Data',
  kind: 'note',
  description,
});

export const LISTS = {
  clients: {
    name: 'SoporteClients',
    description: 'Soporte: client companies and their policy overrides.',
    columns: [key('ClientId', 'Client id.'), data()],
  },
  requesters: {
    name: 'SoporteRequesters',
    description: "Soporte: clients' authorized requesters (dated records).",
    columns: [
      key('RequesterId', 'Requester record id.'),
      indexedText('ClientId', 'Client id.'),
      indexedText('Email', 'Address, lower case.'),
      data(),
    ],
  },
  staff: {
    name: 'SoporteStaff',
    description: "Soporte: the partner's staff.",
    columns: [
      key('StaffId', 'Staff id.'),
      indexedText('Email', 'Address, lower case.'),
      indexedText('AadObjectId', 'Entra object id (Teams).'),
      data(),
    ],
  },
  audit: {
    name: 'SoporteDirectoryAudit',
    description: 'Soporte: audit of directory changes, in append order (item id).',
    columns: [key('AuditId', 'Audit entry id.'), indexedText('Subject', 'What changed (client:x/requester:y).'), data()],
  },
  tickets: {
    name: 'SoporteTickets',
    description: 'Soporte: tickets. The item eTag is the ticket version.',
    columns: [
      key('TicketId', 'Ticket id.'),
      key('TicketNumber', 'SUP-<year>-<n>; unique, so two writers never both create one number.'),
      key('SourceKey', 'msg:<sha256 of the source Message-ID> (idempotent opens), or none:<ticket id>.'),
      indexedText('Status', 'Ticket status.'),
      indexedText('ClientId', 'Client id.'),
      indexedText('AssigneeId', 'Assigned staff id.'),
      { name: 'Assigned', kind: 'boolean', indexed: true, description: 'Has an assignee (filter for unassigned tickets).' },
      indexedText('RequesterEmail', 'Requester address, lower case.'),
      indexedText('ConversationId', 'Mail conversation id.'),
      { name: 'EventCount', kind: 'number', description: 'Events in the ticket log: the next event is EventCount + 1.' },
      data('The ticket as JSON without its version (the eTag is the version).'),
    ],
  },
  events: {
    name: 'SoporteTicketEvents',
    description: "Soporte: each ticket's append-only event log.",
    columns: [
      key('EventKey', '<ticket id>#<seq>; unique, so a retried write never duplicates an event.'),
      indexedText('TicketId', 'Ticket id.'),
      { name: 'Seq', kind: 'number', description: 'Position in the ticket log (1..n).' },
      data(),
    ],
  },
  timeEntries: {
    name: 'SoporteTimeEntries',
    description: 'Soporte: time entries (billing).',
    columns: [
      key('EntryId', 'Time entry id.'),
      indexedText('TicketId', 'Ticket id.'),
      indexedText('ClientId', 'Client id.'),
      { name: 'At', kind: 'dateTime', indexed: true, description: 'When the work happened (month ranges).' },
      data(),
    ],
  },
  afterHours: {
    name: 'SoporteAfterHours',
    description: "Soporte: clients' after-hours windows and their decisions.",
    columns: [
      key('WindowId', 'Window id.'),
      indexedText('ClientId', 'Client id.'),
      indexedText('Status', 'requested, approved or refused.'),
      data(),
    ],
  },
  alerts: {
    name: 'SoporteAlertLedger',
    description: 'Soporte: exactly-once notifications; a claim is the creation of a unique AlertKey.',
    columns: [
      key('AlertKey', 'ticket:clock:threshold ...'),
      { name: 'Holder', kind: 'text', description: 'The instance that claimed it.' },
      { name: 'ClaimedAt', kind: 'text', description: 'ISO instant.' },
      { name: 'CompletedAt', kind: 'text', description: 'ISO instant the alert went out.' },
      { name: 'Ref', kind: 'text', description: 'Where the alert landed (activity id).' },
    ],
  },
  state: {
    name: 'SoporteState',
    description: 'Soporte: small durable state (delta tokens, conversation references).',
    columns: [key('StateKey', 'State key.'), { name: 'Value', kind: 'note', description: 'JSON value.' }],
  },
  leases: {
    name: 'SoporteLeases',
    description: 'Soporte: one active holder per lease (the SLA sweeper); taken with If-Match.',
    columns: [
      key('LeaseName', 'Lease name.'),
      { name: 'Holder', kind: 'text', description: 'Current holder.' },
      { name: 'Until', kind: 'text', description: 'ISO instant it expires.' },
    ],
  },
  statements: {
    name: 'SoporteStatements',
    description: "Soporte: clients' monthly statements (draft, held, sent); a sent one is never changed.",
    columns: [
      key('StatementId', 'stmt-<client>-<YYYY-MM>.'),
      indexedText('ClientId', 'Client id.'),
      indexedText('Status', 'draft, held or sent.'),
      indexedText('SentMessageId', 'Message-ID of the email that carried it (replies thread on it).'),
      data(),
    ],
  },
  counters: {
    name: 'SoporteCounters',
    description: 'Soporte: ticket number counters per year (compare-and-swap on the eTag) and the schema version.',
    columns: [
      key('CounterKey', 'tickets:<year> or schema-version.'),
      { name: 'Value', kind: 'number', description: 'Last value.' },
    ],
  },
} as const satisfies Record<string, ListSpec>;

export type ListKey = keyof typeof LISTS;

/** The counter row holding the provisioned schema version. */
export const SCHEMA_VERSION_KEY = 'schema-version';

/** Graph's columnDefinition for a spec (the type facet plus flags). */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const facet: Record<ColumnKind, Record<string, unknown>> = {
    text: { text: { allowMultipleLines: false, maxLength: 255 } },
    note: { text: { allowMultipleLines: true, textType: 'plain' } },
    number: { number: { decimalPlaces: 'none' } },
    dateTime: { dateTime: { format: 'dateTime' } },
    boolean: { boolean: {} },
  };
  return {
    name: column.name,
    displayName: column.name,
    description: column.description,
    ...facet[column.kind],
    indexed: column.indexed === true || column.unique === true,
    enforceUniqueValues: column.unique === true,
  };
}
