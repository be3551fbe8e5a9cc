import Database from 'better-sqlite3';
import { join } from 'node:path';
import { isBusy, retryWhileBusy } from '../../../shared/infra/sqlite/busy-retry';
import { MIGRATIONS } from '../../../shared/infra/sqlite/migrations';
import { openSqliteStore } from '../../../shared/infra/sqlite/sqlite-store';
import { tempDataDir } from './temp-data-dir';

const busy = (code = 'SQLITE_BUSY'): Error => Object.assign(new Error('database is locked'), { code });

describe('retryWhileBusy', () => {
  test('retries a busy call until it succeeds', async () => {
    let calls = 0;
    const value = await retryWhileBusy(() => {
      calls += 1;
      if (calls < 3) throw busy(calls === 1 ? 'SQLITE_BUSY' : 'SQLITE_BUSY_SNAPSHOT');
      return 'done';
    });
    expect([value, calls]).toEqual(['done', 3]);
  });

  test('throws any other error at once, and the busy one once its budget is spent', async () => {
    let calls = 0;
    await expect(retryWhileBusy(() => ((calls += 1), JSON.parse('{')))).rejects.toThrow(SyntaxError);
    expect(calls).toBe(1);
    await expect(
      retryWhileBusy(() => {
        throw busy();
      }, 20),
    ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect([isBusy(busy('SQLITE_LOCKED')), isBusy(new Error('x')), isBusy(undefined)]).toEqual([true, false, false]);
  });
});

describe('openSqliteStore while another connection holds the new file locked', () => {
  test('waits for the lock (the WAL switch and the migrations are retried) instead of failing SQLITE_BUSY', async () => {
    const data = tempDataDir();
    const file = join(data.dir, 'locked.sqlite');
    const other = new Database(file);
    try {
      other.exec('BEGIN EXCLUSIVE');
      // Released on the next turn of the event loop: only a retry that yields to it can ever get the lock.
      const release = new Promise<void>((resolve) => setImmediate(() => (other.open && other.exec('COMMIT'), resolve())));
      const opening = openSqliteStore({ file, busyTimeoutMs: 10 });
      await release;
      const store = await opening;
      try {
        expect([await store.schemaVersion(), store.journalMode()]).toEqual([MIGRATIONS.length, 'wal']);
      } finally {
        await store.close();
      }
    } finally {
      other.close();
      data.remove();
    }
  });
});
