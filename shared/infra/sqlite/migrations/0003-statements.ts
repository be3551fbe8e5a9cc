import type { Migration } from './migration';

/** Monthly statements (issue 15): one row per client and month; `data` is the whole Statement as JSON. */
export const migration0003: Migration = {
  version: 3,
  name: 'statements',
  sql: `
    CREATE TABLE statements (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL,
      month TEXT NOT NULL,
      status TEXT NOT NULL,
      sent_message_id TEXT,
      data TEXT NOT NULL
    );
    CREATE INDEX statements_client ON statements (client_id, month);
    CREATE INDEX statements_status ON statements (status, month);
    CREATE UNIQUE INDEX statements_sent_message ON statements (sent_message_id) WHERE sent_message_id IS NOT NULL;
  `,
};
