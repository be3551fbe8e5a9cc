import Database from 'better-sqlite3';
import type { Clock } from '../../../shared/application/ports';
import { MigrationError } from '../../../shared/infra/sqlite/migrate';
import { MIGRATIONS } from '../../../shared/infra/sqlite/migrations';
import type { Migration } from '../../../shared/infra/sqlite/migrations/migration';
import { openSqliteStore } from '../../../shared/infra/sqlite/sqlite-store';
import { tempDataDir } from './temp-data-dir';
import { ManualClock } from '../../support/doubles';

const clockAt = (iso: string): Clock => new ManualClock(new Date(iso));
const extra = (version: number, table: string): Migration => ({
  version,
  name: `add-${table}`,
  sql: `CREATE TABLE ${table} (id TEXT PRIMARY KEY)`,
});

function appliedMigrations(file: string): { version: number; name: string; applied_at: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as {
      version: number;
      name: string;
      applied_at: string;
    }[];
  } finally {
    db.close();
  }
}

describe('SQLite migrations', () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    data = tempDataDir();
  });
  afterEach(() => data.remove());

  test('a new database gets every migration, recorded with the clock time', async () => {
    const store = await openSqliteStore({ dataDir: data.dir, clock: clockAt('2026-03-02T16:00:00.000Z') });
    expect(await store.schemaVersion()).toBe(MIGRATIONS.length);
    await store.close();
    expect(appliedMigrations(store.file)).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: '2026-03-02T16:00:00.000Z' })),
    );
  });

  test('reopening applies nothing again', async () => {
    const first = await openSqliteStore({ dataDir: data.dir, clock: clockAt('2026-03-02T16:00:00.000Z') });
    await first.close();
    const second = await openSqliteStore({ dataDir: data.dir, clock: clockAt('2026-03-09T16:00:00.000Z') });
    expect(await second.schemaVersion()).toBe(MIGRATIONS.length);
    await second.close();
    expect(appliedMigrations(second.file).map((m) => m.applied_at)).toEqual(MIGRATIONS.map(() => '2026-03-02T16:00:00.000Z'));
  });

  test('a newer release applies only its new migrations, forward', async () => {
    const v2 = [...MIGRATIONS, extra(MIGRATIONS.length + 1, 'widgets')];
    const first = await openSqliteStore({ dataDir: data.dir, migrations: v2, clock: clockAt('2026-03-02T16:00:00.000Z') });
    await first.close();
    const v3 = [...v2, extra(MIGRATIONS.length + 2, 'gadgets')];
    const second = await openSqliteStore({ dataDir: data.dir, migrations: v3, clock: clockAt('2026-04-01T16:00:00.000Z') });
    expect(await second.schemaVersion()).toBe(v3.length);
    await second.close();
    const applied = appliedMigrations(second.file);
    expect(applied.map((m) => m.name)).toEqual(v3.map((m) => m.name));
    expect(applied.filter((m) => m.applied_at === '2026-04-01T16:00:00.000Z').map((m) => m.name)).toEqual(['add-gadgets']);
  });

  test('a database newer than the code is refused and left as it is', async () => {
    const newer = await openSqliteStore({
      dataDir: data.dir,
      migrations: [...MIGRATIONS, extra(MIGRATIONS.length + 1, 'widgets')],
    });
    await newer.close();
    await expect(openSqliteStore({ dataDir: data.dir })).rejects.toThrow(MigrationError);
    await expect(openSqliteStore({ dataDir: data.dir })).rejects.toThrow(/newer than this code knows/);
    expect(appliedMigrations(newer.file)).toHaveLength(MIGRATIONS.length + 1);
  });

  test('a failing migration rolls back entirely', async () => {
    const base = await openSqliteStore({ dataDir: data.dir });
    await base.close();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (id TEXT); INSERT INTO no_such_table VALUES (1);',
    };
    await expect(openSqliteStore({ dataDir: data.dir, migrations: [...MIGRATIONS, broken] })).rejects.toThrow(/no such table/);
    const db = new Database(base.file, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all()).toEqual([]);
    db.close();
    expect(appliedMigrations(base.file)).toHaveLength(MIGRATIONS.length);
  });

  test('a migration list out of order is refused', async () => {
    await expect(
      openSqliteStore({ dataDir: data.dir, migrations: [...MIGRATIONS, extra(MIGRATIONS.length + 2, 'skipped')] }),
    ).rejects.toThrow(`expected ${MIGRATIONS.length + 1}`);
  });
});
