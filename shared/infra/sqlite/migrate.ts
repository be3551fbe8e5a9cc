import type Database from 'better-sqlite3';
import type { Migration } from './migrations/migration';

/** The database was written by a newer Soporte (or the migration list is broken): refuse to touch it. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Checks that versions run 1..n in order with no gap or repeat. */
function assertNumbered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new MigrationError(`migration "${m.name}" has version ${m.version}; expected ${i + 1} (versions run 1..n in order)`);
    }
  });
}

export function schemaVersionOf(db: Database.Database): number {
  const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number };
  return row.v;
}

/**
 * Applies every migration newer than the database, each with its `schema_migrations` row, in one
 * IMMEDIATE transaction, its bookkeeping table included (two processes starting together migrate
 * once; the loser waits, or fails busy and is retried by openSqliteStore). Forward only: a database
 * newer than the code is refused. Returns the resulting schema version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], appliedAt: Date): number {
  assertNumbered(migrations);
  const run = db.transaction(() => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const current = schemaVersionOf(db);
    if (current > migrations.length) {
      throw new MigrationError(
        `database schema version ${current} is newer than this code knows (${migrations.length}); upgrade Soporte instead`,
      );
    }
    for (const m of migrations.slice(current)) {
      db.exec(m.sql);
      record.run(m.version, m.name, appliedAt.toISOString());
    }
    return migrations.length;
  });
  return run.immediate();
}
