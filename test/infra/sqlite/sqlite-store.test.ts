import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../../../shared/application/ports';
import { NotFoundError } from '../../../shared/domain/common';
import { openSqliteStore, SQLITE_FILE_NAME, type SqliteStoreOptions } from '../../../shared/infra/sqlite/sqlite-store';
import { makeTicket, noteEvent, openInput } from '../../store-contract/fixtures';
import { runStoreContract } from '../../store-contract/store-contract';
import { tempDataDir } from './temp-data-dir';

/** Paths of objects inside `value` (itself included) that are not frozen. */
function unfrozenPaths(value: unknown, path = 'ticket'): string[] {
  if (!value || typeof value !== 'object') return [];
  const inner = Object.entries(value).flatMap(([key, v]) => unfrozenPaths(v, `${path}.${key}`));
  return Object.isFrozen(value) ? inner : [path, ...inner];
}

/** Each test gets a fresh file in a temp dir; `second()` opens another connection on the same file. */
function sqliteFactory(options: Omit<SqliteStoreOptions, 'dataDir' | 'file'> = {}) {
  return async () => {
    const data = tempDataDir();
    const stores: Store[] = [await openSqliteStore({ ...options, dataDir: data.dir })];
    return {
      store: stores[0],
      second: async () => {
        const store = await openSqliteStore({ ...options, dataDir: data.dir });
        stores.push(store);
        return store;
      },
      cleanup: async () => {
        for (const store of stores) await store.close();
        data.remove();
      },
    };
  };
}

runStoreContract('sqlite', sqliteFactory());
runStoreContract('sqlite without the ticket cache', sqliteFactory({ ticketCacheSize: 0 }));

describe('SqliteStore on a file', () => {
  let data: ReturnType<typeof tempDataDir>;
  const open: Store[] = [];
  const openStore = async (options: SqliteStoreOptions) => {
    const store = await openSqliteStore(options);
    open.push(store);
    return store;
  };

  beforeEach(() => {
    data = tempDataDir();
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    data.remove();
  });

  test('creates the missing data directory and the database file in WAL mode', async () => {
    const dataDir = join(data.dir, 'nested', 'data');
    const store = await openStore({ dataDir });
    expect(store.file).toBe(join(dataDir, SQLITE_FILE_NAME));
    expect(existsSync(store.file)).toBe(true);
    expect(store.journalMode()).toBe('wal');
    await store.tickets.open(openInput());
    expect(existsSync(`${store.file}-wal`)).toBe(true);
  });

  test('keeps tickets across close and reopen', async () => {
    const first = await openStore({ dataDir: data.dir });
    const { ticket } = await first.tickets.open(openInput(makeTicket({ sourceMessageId: '<kept@acme.example>' })));
    await first.close();
    const reopened = await openStore({ dataDir: data.dir });
    expect(await reopened.tickets.getByNumber(ticket.number)).toEqual(ticket);
    expect((await reopened.tickets.open(openInput())).ticket.number).toBe('SUP-2026-0002');
  });

  test('versions are increasing integers', async () => {
    const store = await openStore({ dataDir: data.dir });
    let { ticket } = await store.tickets.open(openInput());
    const versions = [ticket.version];
    for (let i = 0; i < 3; i++) {
      ticket = await store.tickets.save({ ...ticket, lastActivityAt: `2026-03-0${i + 3}T10:00:00.000Z` }, [
        noteEvent(`step ${i}`),
      ]);
      versions.push(ticket.version);
    }
    expect(versions).toEqual(['1', '2', '3', '4']);
  });

  test('numbers keep four digits up to 9999 and grow to five after', async () => {
    const store = await openStore({ dataDir: data.dir });
    await store.tickets.open(openInput());
    const raw = new Database(store.file);
    raw.prepare('UPDATE ticket_counters SET last = 9998 WHERE year = 2026').run();
    raw.close();
    expect((await store.tickets.open(openInput())).ticket.number).toBe('SUP-2026-9999');
    expect((await store.tickets.open(openInput())).ticket.number).toBe('SUP-2026-10000');
    expect((await store.tickets.open(openInput(makeTicket(), 2027))).ticket.number).toBe('SUP-2027-0001');
  });

  test('every ticket it hands out is frozen through and through', async () => {
    const store = await openStore({ dataDir: data.dir });
    const full = makeTicket({
      status: 'waiting-on-client',
      pauses: [{ reason: 'waiting-on-client', start: '2026-03-03T10:00:00.000Z', end: '2026-03-04T10:00:00.000Z' }],
      pendingExtension: { requestId: 'ext-1', minutes: 120, requestedAt: '2026-03-03T11:00:00.000Z' },
    });
    const opened = (await store.tickets.open(openInput(full))).ticket;
    const saved = await store.tickets.save({ ...opened, level: 'L2' }, []);
    const fresh = await openStore({ dataDir: data.dir, ticketCacheSize: 0 });
    const reads = [
      opened,
      saved,
      await store.tickets.get(full.id),
      (await store.tickets.list({})).tickets[0],
      await fresh.tickets.get(full.id),
    ];
    for (const ticket of reads) expect(unfrozenPaths(ticket)).toEqual([]);
    expect(() => {
      (saved as { status: string }).status = 'closed';
    }).toThrow(TypeError);
  });

  test("sees another connection's save at once", async () => {
    const store = await openStore({ dataDir: data.dir });
    const other = await openStore({ dataDir: data.dir });
    const { ticket } = await store.tickets.open(openInput());
    expect((await store.tickets.list({})).tickets).toEqual([ticket]);
    const saved = await other.tickets.save(
      { ...ticket, status: 'waiting-on-client', pauses: [{ reason: 'waiting-on-client', start: '2026-03-03T10:00:00.000Z' }] },
      [],
    );
    expect((await store.tickets.list({ statuses: ['waiting-on-client'] })).tickets).toEqual([saved]);
    expect(await store.tickets.get(ticket.id)).toEqual(saved);
  });

  test('refuses a year that is not four digits, naming the field', async () => {
    const store = await openStore({ dataDir: data.dir });
    await expect(store.tickets.open(openInput(makeTicket(), 26))).rejects.toThrow(/^year: /);
    await expect(store.tickets.list({ limit: 0 })).rejects.toThrow(/^limit: /);
    await expect(store.tickets.list({ cursor: 'not-a-cursor' })).rejects.toThrow(/^cursor: /);
  });

  test('setStates writes every entry in one transaction, or none when one has no JSON form', async () => {
    const store = await openStore({ dataDir: data.dir });
    const other = await openStore({ dataDir: data.dir });
    await store.state.setState('b', 'old');
    await store.state.setStates([
      ['a', { n: 1 }],
      ['b', 'new'],
      ['a', { n: 2 }],
    ]);
    expect(await other.state.getState('a')).toEqual({ n: 2 });
    expect(await other.state.getState('b')).toBe('new');
    await expect(
      store.state.setStates([
        ['c', 1],
        ['d', undefined],
      ]),
    ).rejects.toThrow(/^value: state "d" must be JSON-serialisable/);
    expect(await other.state.getState('c')).toBeUndefined();
    await store.state.setStates([]);
    expect(await other.state.getState('b')).toBe('new');
  });

  test('completeWithState writes the state and completes the claim in one commit; an unclaimed key still gets its state and throws', async () => {
    const store = await openStore({ dataDir: data.dir });
    const other = await openStore({ dataDir: data.dir });
    const at = new Date('2026-03-02T16:00:00.000Z');
    await store.alerts.claim('mail:closure:t1', 'client-mailer', at);
    await store.alerts.completeWithState('mail:closure:t1', new Date(at.getTime() + 1000), '<m1@test>', [
      ['mail-thread:t1', { messageIds: ['<m1@test>'] }],
      ['mail-message:<m1@test>', 't1'],
    ]);
    expect(await other.alerts.get('mail:closure:t1')).toEqual({
      key: 'mail:closure:t1',
      holder: 'client-mailer',
      claimedAt: at.toISOString(),
      completedAt: '2026-03-02T16:00:01.000Z',
      ref: '<m1@test>',
    });
    expect(await other.state.getState('mail-thread:t1')).toEqual({ messageIds: ['<m1@test>'] });
    expect(await other.state.getState('mail-message:<m1@test>')).toBe('t1');
    await expect(store.alerts.completeWithState('never-claimed', at, undefined, [['after', true]])).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await other.state.getState('after')).toBe(true);
    expect(await other.alerts.get('never-claimed')).toBeUndefined();
  });
});
