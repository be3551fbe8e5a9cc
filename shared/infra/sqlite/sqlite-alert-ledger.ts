import type Database from 'better-sqlite3';
import type { AlertLedger, AlertRecord, StateEntry } from '../../application/ports';
import { NotFoundError } from '../../domain/common';
import { prefixUpperBound } from './key-prefix';
import { prepareStateUpsert, stateRows } from './sqlite-state-store';

interface AlertRow {
  key: string;
  holder: string;
  claimed_at: string;
  completed_at: string | null;
  ref: string | null;
}

function toRecord(row: AlertRow): AlertRecord {
  const record: AlertRecord = { key: row.key, claimedAt: row.claimed_at, holder: row.holder };
  if (row.completed_at !== null) record.completedAt = row.completed_at;
  if (row.ref !== null) record.ref = row.ref;
  return record;
}

function prepareAlertStatements(db: Database.Database) {
  return {
    claim: db.prepare('INSERT INTO alerts (key, holder, claimed_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING'),
    complete: db.prepare('UPDATE alerts SET completed_at = ?, ref = ? WHERE key = ?'),
    release: db.prepare('DELETE FROM alerts WHERE key = ? AND completed_at IS NULL'),
    takeOver: db.prepare(
      'UPDATE alerts SET holder = ?, claimed_at = ? WHERE key = ? AND completed_at IS NULL AND claimed_at < ?',
    ),
    get: db.prepare('SELECT * FROM alerts WHERE key = ?'),
    listFrom: db.prepare('SELECT * FROM alerts WHERE key >= ? ORDER BY key'),
    listRange: db.prepare('SELECT * FROM alerts WHERE key >= ? AND key < ? ORDER BY key'),
  };
}

/**
 * The exactly-once ledger: a claim is an insert that does nothing when the key exists, so among any
 * number of connections only the first claimer gets `true`. Release gives back an uncompleted claim;
 * a completed alert stays claimed for good.
 */
export class SqliteAlertLedger implements AlertLedger {
  private readonly stmt: ReturnType<typeof prepareAlertStatements>;
  private readonly completeWithStateTx: (key: string, at: string, ref: string | null, rows: Array<[string, string]>) => number;

  constructor(db: Database.Database) {
    this.stmt = prepareAlertStatements(db);
    const setState = prepareStateUpsert(db);
    this.completeWithStateTx = db.transaction(
      (key: string, at: string, ref: string | null, rows: Array<[string, string]>): number => {
        for (const [stateKey, json] of rows) setState.run(stateKey, json);
        return this.stmt.complete.run(at, ref, key).changes;
      },
    ).immediate;
  }

  async claim(key: string, holder: string, at: Date): Promise<boolean> {
    return this.stmt.claim.run(key, holder, at.toISOString()).changes === 1;
  }

  async complete(key: string, at: Date, ref?: string): Promise<void> {
    if (this.stmt.complete.run(at.toISOString(), ref ?? null, key).changes === 0) throw new NotFoundError('alert claim', key);
  }

  /**
   * The state rows and the completion in one IMMEDIATE transaction (one commit). As with setState then
   * complete, a key that is not claimed throws NotFoundError after the state rows are written.
   */
  async completeWithState(key: string, at: Date, ref: string | undefined, entries: readonly StateEntry[]): Promise<void> {
    if (this.completeWithStateTx(key, at.toISOString(), ref ?? null, stateRows(entries)) === 0)
      throw new NotFoundError('alert claim', key);
  }

  async release(key: string): Promise<void> {
    this.stmt.release.run(key);
  }

  /** One conditional UPDATE: only an uncompleted claim older than `staleBefore` changes hands. */
  async takeOverStale(key: string, holder: string, at: Date, staleBefore: Date): Promise<boolean> {
    return this.stmt.takeOver.run(holder, at.toISOString(), key, staleBefore.toISOString()).changes === 1;
  }

  async get(key: string): Promise<AlertRecord | undefined> {
    const row = this.stmt.get.get(key) as AlertRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  async list(prefix: string): Promise<AlertRecord[]> {
    const upper = prefixUpperBound(prefix);
    const rows = (upper === undefined ? this.stmt.listFrom.all(prefix) : this.stmt.listRange.all(prefix, upper)) as AlertRow[];
    return rows.map(toRecord);
  }
}
