import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock, Store } from '../../application/ports';
import { retryWhileBusy } from './busy-retry';
import { migrate, schemaVersionOf } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';
import { SqliteAfterHoursStore } from './sqlite-after-hours-store';
import { SqliteStatementStore } from './sqlite-statement-store';
import { SqliteAlertLedger } from './sqlite-alert-ledger';
import { SqliteDirectoryStore } from './sqlite-directory-store';
import { SqliteLeaseStore } from './sqlite-lease-store';
import { SqliteStateStore } from './sqlite-state-store';
import { SqliteTicketStore } from './sqlite-ticket-store';

/** The database file's name inside DATA_DIR. */
export const SQLITE_FILE_NAME = 'soporte.sqlite';

/** How long a writer waits for another connection's write transaction before failing (ms). */
export const BUSY_TIMEOUT_MS = 5000;

export interface SqliteStoreOptions {
  /** Directory for `soporte.sqlite`, created if missing (default `./data`). Ignored when `file` is given. */
  dataDir?: string;
  /** Explicit database file (its directory is created if missing), or `:memory:`. */
  file?: string;
  /** Stamps migrations; defaults to the system clock. */
  clock?: Clock;
  /** Migration list to apply (tests); defaults to MIGRATIONS. */
  migrations?: readonly Migration[];
  /** How long one statement waits for another connection's lock before failing busy (default BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
  /** Parsed tickets kept between reads (default 100,000; 0 turns the cache off). */
  ticketCacheSize?: number;
}

/** Default number of parsed tickets kept between reads: a sweep over every open ticket parses only changed ones. */
export const DEFAULT_TICKET_CACHE_SIZE = 100_000;

/** WAL pages before an automatic checkpoint (default SQLite: 1,000): fewer, larger checkpoints. */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;
/** The WAL file is truncated back to this size after a checkpoint. */
const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

const systemClock: Clock = { now: () => new Date() };

/** Where openSqliteStore puts the database for these options. */
export function sqliteFileFor(options: Pick<SqliteStoreOptions, 'dataDir' | 'file'>): string {
  if (options.file === ':memory:') return options.file;
  return resolve(options.file ?? join(options.dataDir ?? './data', SQLITE_FILE_NAME));
}

/**
 * The embedded store: one better-sqlite3 connection in WAL mode (synchronous NORMAL: a commit
 * survives a process crash; a power cut may lose the last commits) with a busy timeout and foreign
 * keys, migrated forward on open. Several instances (or processes) may share one file. Tickets it
 * returns are deep-frozen snapshots: derive changed tickets by copying (`{ ...ticket, status }`).
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly tickets: SqliteTicketStore;
  readonly directory: SqliteDirectoryStore;
  readonly afterHours: SqliteAfterHoursStore;
  readonly alerts: SqliteAlertLedger;
  readonly state: SqliteStateStore;
  readonly leases: SqliteLeaseStore;
  readonly statements: SqliteStatementStore;

  constructor(
    private readonly db: Database.Database,
    readonly file: string,
    ticketCacheSize: number = DEFAULT_TICKET_CACHE_SIZE,
  ) {
    this.tickets = new SqliteTicketStore(db, ticketCacheSize);
    this.directory = new SqliteDirectoryStore(db);
    this.afterHours = new SqliteAfterHoursStore(db);
    this.alerts = new SqliteAlertLedger(db);
    this.state = new SqliteStateStore(db);
    this.leases = new SqliteLeaseStore(db);
    this.statements = new SqliteStatementStore(db);
  }

  async schemaVersion(): Promise<number> {
    return schemaVersionOf(this.db);
  }

  /** The connection's journal mode (`wal` for a file). */
  journalMode(): string {
    return this.db.pragma('journal_mode', { simple: true }) as string;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens (creating if needed) and migrates the SQLite store. The WAL switch and the migration are
 * retried while another process holds the file busy (two instances starting on a new file at once).
 */
export async function openSqliteStore(options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  const file = sqliteFileFor(options);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
  try {
    await retryWhileBusy(() => db.pragma('journal_mode = WAL'));
    db.pragma('synchronous = NORMAL');
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
    db.pragma('foreign_keys = ON');
    const appliedAt = (options.clock ?? systemClock).now();
    await retryWhileBusy(() => migrate(db, options.migrations ?? MIGRATIONS, appliedAt));
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore(db, file, options.ticketCacheSize);
}
