import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { MIGRATIONS } from '../../../shared/infra/sqlite/migrations';
import { openSqliteStore } from '../../../shared/infra/sqlite/sqlite-store';
import { TestChild } from '../../support/child-process';
import { tempDataDir } from './temp-data-dir';

const ROOT = join(__dirname, '..', '..', '..');
const COUNT = 300;

/** A child running `script` (through tsx) with `args`; it says "ready", then waits for "go" on stdin. */
function startChild(script: string, ...args: string[]): TestChild {
  return new TestChild(spawn(process.execPath, ['--import', 'tsx', join(__dirname, script), ...args], { cwd: ROOT }));
}

/** Starts every child, waits until all are ready, then lets them go at once and returns what each printed after "ready". */
async function race(children: TestChild[]): Promise<string[]> {
  await Promise.all(children.map((c) => c.waitForOutput((out) => out.includes('ready\n'), 'ready')));
  for (const c of children) c.child.stdin?.end('go\n');
  const codes = await Promise.all(children.map((c) => c.exited));
  codes.forEach((code, i) => {
    if (code !== 0) throw new Error(`child ${i} exited with ${code}:\n${children[i].output()}`);
  });
  return children.map((c) => c.stdout().slice('ready\n'.length));
}

describe('SqliteStore shared by two processes', () => {
  test('four processes creating the same new file at once all open it (WAL switch and migrations retried while busy)', async () => {
    const data = tempDataDir();
    const children: TestChild[] = [];
    try {
      const file = join(data.dir, 'fresh.sqlite');
      for (let i = 0; i < 4; i++) children.push(startChild('open-fresh.ts', file));
      const outcomes = (await race(children)).map((out) => JSON.parse(out) as { schemaVersion: number; journalMode: string });
      expect(outcomes).toEqual(Array.from({ length: 4 }, () => ({ schemaVersion: MIGRATIONS.length, journalMode: 'wal' })));
    } finally {
      await Promise.all(children.map((c) => c.stop('SIGKILL')));
      data.remove();
    }
  }, 120_000);

  test("racing opens make each message's ticket once, numbered without gaps; each alert is claimed once", async () => {
    const data = tempDataDir();
    const children: TestChild[] = [];
    try {
      const file = join(data.dir, 'soporte.sqlite');
      children.push(
        startChild('open-burst.ts', file, String(COUNT), 'process-a', 'ascending'),
        startChild('open-burst.ts', file, String(COUNT), 'process-b', 'descending'),
      );
      const [a, b] = (await race(children)).map((out) => JSON.parse(out) as { created: string[]; claimed: string[] });

      const expected = Array.from({ length: 3 * COUNT }, (_, i) => `SUP-2026-${String(i + 1).padStart(4, '0')}`);
      expect([...a.created, ...b.created].sort()).toEqual(expected);
      // How finely the two processes' writes interleave is up to the scheduler and SQLite's busy
      // handler (one may even run entirely while the other waits): the outcome must not depend on it.
      expect([...a.claimed, ...b.claimed]).toHaveLength(COUNT);
      expect(new Set([...a.claimed, ...b.claimed]).size).toBe(COUNT);

      const store = await openSqliteStore({ file });
      try {
        const { tickets } = await store.tickets.list({});
        expect(tickets.map((t) => t.number).sort()).toEqual(expected);
        expect(new Set(tickets.map((t) => t.sourceMessageId)).size).toBe(3 * COUNT);
        for (const ticket of tickets.slice(0, 20)) expect((await store.tickets.events(ticket.id)).map((e) => e.seq)).toEqual([1]);
        expect(await store.alerts.list('burst-')).toHaveLength(COUNT);
      } finally {
        await store.close();
      }
    } finally {
      await Promise.all(children.map((c) => c.stop('SIGKILL')));
      data.remove();
    }
  }, 120_000);
});
