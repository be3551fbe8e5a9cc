import type Database from 'better-sqlite3';
import type { LeaseRecord, LeaseStore } from '../../application/ports';
import { ValidationError } from '../../domain/common';

function prepareLeaseStatements(db: Database.Database) {
  return {
    get: db.prepare('SELECT name, holder, until FROM leases WHERE name = ?'),
    put: db.prepare(
      'INSERT INTO leases (name, holder, until) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until',
    ),
    release: db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?'),
  };
}

/**
 * Named leases. Acquire reads and writes in one IMMEDIATE transaction, so two connections never
 * both take the same free lease. `currentLease` returns the stored record even after it expired.
 */
export class SqliteLeaseStore implements LeaseStore {
  private readonly stmt: ReturnType<typeof prepareLeaseStatements>;
  private readonly acquireTx: (name: string, holder: string, now: Date, ttlMs: number) => boolean;

  constructor(db: Database.Database) {
    this.stmt = prepareLeaseStatements(db);
    this.acquireTx = db.transaction((name: string, holder: string, now: Date, ttlMs: number): boolean => {
      const current = this.stmt.get.get(name) as LeaseRecord | undefined;
      if (current && current.holder !== holder && Date.parse(current.until) > now.getTime()) return false;
      this.stmt.put.run(name, holder, new Date(now.getTime() + ttlMs).toISOString());
      return true;
    }).immediate;
  }

  async acquireLease(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    if (!Number.isInteger(ttlMs) || ttlMs <= 0)
      throw new ValidationError('ttlMs', `must be a positive integer of milliseconds, got ${ttlMs}`);
    return this.acquireTx(name, holder, now, ttlMs);
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.stmt.release.run(name, holder);
  }

  async currentLease(name: string): Promise<LeaseRecord | undefined> {
    return this.stmt.get.get(name) as LeaseRecord | undefined;
  }
}
