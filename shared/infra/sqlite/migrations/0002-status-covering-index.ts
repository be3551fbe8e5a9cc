import type { Migration } from './migration';

/**
 * The sweep selects every open ticket's packed key (`seq`, `version`) by status. With the version in
 * the status index the select reads the index alone instead of one table row per ticket (about three
 * times less work per sweep); a save that keeps the status rewrites that one index entry.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'status-covering-index',
  sql: `
    CREATE INDEX tickets_status_version ON tickets (status, seq, version);
    DROP INDEX tickets_status;
  `,
};
