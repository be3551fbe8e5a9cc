import type Database from 'better-sqlite3';
import type { StateStore } from '../../application/ports';
import { ValidationError } from '../../domain/errors';

function prepareStateStatements(db: Database.Database) {
  return {
    get: db.prepare('SELECT value FROM state WHERE key = ?').pluck(true),
    set: db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    delete: db.prepare('DELETE FROM state WHERE key = ?'),
  };
}

/** Key-value state kept as JSON text. */
export class SqliteStateStore implements StateStore {
  private readonly stmt: ReturnType<typeof prepareStateStatements>;

  constructor(db: Database.Database) {
    this.stmt = prepareStateStatements(db);
  }

  async getState<T = unknown>(key: string): Promise<T | undefined> {
    const value = this.stmt.get.get(key) as string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  async setState<T = unknown>(key: string, value: T): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new ValidationError('value', `state "${key}" must be JSON-serialisable (use deleteState to remove it)`);
    this.stmt.set.run(key, json);
  }

  async deleteState(key: string): Promise<void> {
    this.stmt.delete.run(key);
  }
}
