import type Database from 'better-sqlite3';
import type { AfterHoursStore } from '../../application/ports';
import type { AfterHoursWindow } from '../../domain/billing';
import { SqlFilter } from './sql-filter';
import { StatementCache } from './statement-cache';

/** After-hours windows, upserted whole (a decision is a put of the decided window). Listed by start. */
export class SqliteAfterHoursStore implements AfterHoursStore {
  private readonly cache: StatementCache;

  constructor(db: Database.Database) {
    this.cache = new StatementCache(db);
  }

  async putWindow(window: AfterHoursWindow): Promise<void> {
    this.cache
      .get(
        `INSERT INTO after_hours_windows (id, client_id, status, start, data) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET client_id = excluded.client_id, status = excluded.status, start = excluded.start, data = excluded.data`,
      )
      .run(window.id, window.clientId, window.status, window.start, JSON.stringify(window));
  }

  async getWindow(id: string): Promise<AfterHoursWindow | undefined> {
    const data = this.cache.get('SELECT data FROM after_hours_windows WHERE id = ?').pluck(true).get(id) as string | undefined;
    return data === undefined ? undefined : (JSON.parse(data) as AfterHoursWindow);
  }

  async listWindows(query: { clientId?: string; status?: AfterHoursWindow['status'] }): Promise<AfterHoursWindow[]> {
    const filter = new SqlFilter()
      .when(query.clientId, 'client_id = ?', query.clientId)
      .when(query.status, 'status = ?', query.status);
    const rows = this.cache
      .get(`SELECT data FROM after_hours_windows${filter.toSql()} ORDER BY start, id`)
      .pluck(true)
      .all(...filter.params) as string[];
    return rows.map((data) => JSON.parse(data) as AfterHoursWindow);
  }
}
