import type Database from 'better-sqlite3';
import type { StateEntry, StateStore } from '../../application/ports';
import { ValidationError } from '../../domain/common';

/** The upsert of one state row; the alert ledger shares it to complete a claim and write state in one transaction. */
export function prepareStateUpsert(db: Database.Database): Database.Statement<[string, string]> {
  return db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
}

/** `[key, JSON text]` rows for `entries`, refusing a value that has no JSON form before anything is written. */
export function stateRows(entries: readonly StateEntry[]): Array<[string, string]> {
  return entries.map(([key, value]) => [key, stateJson(key, value)]);
}

function stateJson(key: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined)
    throw new ValidationError('value', `state "${key}" must be JSON-serialisable (use deleteState to remove it)`);
  return json;
}

function prepareStateStatements(db: Database.Database) {
  return {
    get: db.prepare('SELECT value FROM state WHERE key = ?').pluck(true),
    set: prepareStateUpsert(db),
    delete: db.prepare('DELETE FROM state WHERE key = ?'),
  };
}

/** Key-value state kept as JSON text. */
export class SqliteStateStore implements StateStore {
  private readonly stmt: ReturnType<typeof prepareStateStatements>;
  private readonly setRowsTx: (rows: Array<[string, string]>) => void;

  constructor(db: Database.Database) {
    this.stmt = prepareStateStatements(db);
    this.setRowsTx = db.transaction((rows: Array<[string, string]>) => {
      for (const [key, json] of rows) this.stmt.set.run(key, json);
    }).immediate;
  }

  async getState<T = unknown>(key: string): Promise<T | undefined> {
    const value = this.stmt.get.get(key) as string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  async setState<T = unknown>(key: string, value: T): Promise<void> {
    this.stmt.set.run(key, stateJson(key, value));
  }

  /** Every entry in one IMMEDIATE transaction (one commit); a value without JSON form writes nothing. */
  async setStates(entries: readonly StateEntry[]): Promise<void> {
    const rows = stateRows(entries);
    if (rows.length === 1) this.stmt.set.run(...rows[0]);
    else if (rows.length > 1) this.setRowsTx(rows);
  }

  async deleteState(key: string): Promise<void> {
    this.stmt.delete.run(key);
  }
}
