import type { Migration } from './migration';

/**
 * Tickets keep their full JSON (without the version) plus one denormalised column per TicketQuery
 * filter (partial indexes where the column is often empty). `seq` is the insertion order and the
 * paging key; `version` is the concurrency token. Events live in one B-tree keyed (ticket, seq), their
 * id inside the JSON: an open touches as few pages as possible.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial-schema',
  sql: `
    CREATE TABLE tickets (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      number TEXT NOT NULL UNIQUE,
      version INTEGER NOT NULL,
      status TEXT NOT NULL,
      client_id TEXT NOT NULL,
      assignee_id TEXT,
      requester_email TEXT NOT NULL,
      conversation_id TEXT,
      source_message_id TEXT,
      data TEXT NOT NULL
    );
    CREATE UNIQUE INDEX tickets_source_message ON tickets (source_message_id) WHERE source_message_id IS NOT NULL;
    CREATE INDEX tickets_status ON tickets (status, seq);
    CREATE INDEX tickets_client ON tickets (client_id, seq);
    CREATE INDEX tickets_assignee ON tickets (assignee_id, seq) WHERE assignee_id IS NOT NULL;
    CREATE INDEX tickets_requester ON tickets (requester_email, seq);
    CREATE INDEX tickets_conversation ON tickets (conversation_id, seq) WHERE conversation_id IS NOT NULL;

    CREATE TABLE ticket_counters (
      year INTEGER PRIMARY KEY,
      last INTEGER NOT NULL
    );

    CREATE TABLE ticket_events (
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      seq INTEGER NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (ticket_id, seq)
    ) WITHOUT ROWID;

    CREATE TABLE time_entries (
      id TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      client_id TEXT NOT NULL,
      at TEXT NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX time_entries_ticket ON time_entries (ticket_id, at);
    CREATE INDEX time_entries_client ON time_entries (client_id, at);

    CREATE TABLE clients (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      data TEXT NOT NULL
    );

    CREATE TABLE requesters (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL,
      email TEXT NOT NULL,
      effective_from TEXT NOT NULL,
      effective_to TEXT,
      data TEXT NOT NULL
    );
    CREATE INDEX requesters_client ON requesters (client_id, email);
    CREATE INDEX requesters_email ON requesters (email);

    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL,
      aad_object_id TEXT,
      data TEXT NOT NULL
    );
    CREATE INDEX staff_email ON staff (email);
    CREATE INDEX staff_aad ON staff (aad_object_id);

    CREATE TABLE directory_audit (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      subject TEXT NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX directory_audit_subject ON directory_audit (subject, seq);

    CREATE TABLE after_hours_windows (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL,
      status TEXT NOT NULL,
      start TEXT NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX after_hours_client ON after_hours_windows (client_id, start);

    CREATE TABLE alerts (
      key TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      claimed_at TEXT NOT NULL,
      completed_at TEXT,
      ref TEXT
    );

    CREATE TABLE state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    CREATE TABLE leases (
      name TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      until TEXT NOT NULL
    );
  `,
};
