import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { openSqliteStore } from '../../../shared/infra/sqlite/sqlite-store';
import { tempDataDir } from './temp-data-dir';

const ROOT = join(__dirname, '..', '..', '..');
const COUNT = 300;

interface Burst {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  result: Promise<{ created: string[]; claimed: string[] }>;
}

function startBurst(file: string, holder: string, direction: 'ascending' | 'descending'): Burst {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'open-burst.ts'), file, String(COUNT), holder, direction], { cwd: ROOT });
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const result = new Promise<{ created: string[]; claimed: string[] }>((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${holder} exited with ${code}: ${err}`));
      resolve(JSON.parse(out.slice('ready\n'.length)) as { created: string[]; claimed: string[] });
    });
  });
  return { child, ready, result };
}

describe('SqliteStore shared by two processes', () => {
  test('racing opens make each message\'s ticket once, numbered without gaps; each alert is claimed once', async () => {
    const data = tempDataDir();
    try {
      const file = join(data.dir, 'soporte.sqlite');
      const bursts = [startBurst(file, 'process-a', 'ascending'), startBurst(file, 'process-b', 'descending')];
      await Promise.all(bursts.map((b) => b.ready));
      for (const b of bursts) b.child.stdin.end('go\n');
      const [a, b] = await Promise.all(bursts.map((burst) => burst.result));

      const expected = Array.from({ length: 3 * COUNT }, (_, i) => `SUP-2026-${String(i + 1).padStart(4, '0')}`);
      expect([...a.created, ...b.created].sort()).toEqual(expected);
      // How finely the two processes' writes interleave is up to the scheduler and SQLite's busy
      // handler (one may even run entirely while the other waits): the outcome must not depend on it.
      expect([...a.claimed, ...b.claimed]).toHaveLength(COUNT);
      expect(new Set([...a.claimed, ...b.claimed]).size).toBe(COUNT);

      const store = await openSqliteStore({ file });
      const { tickets } = await store.tickets.list({});
      expect(tickets.map((t) => t.number).sort()).toEqual(expected);
      expect(new Set(tickets.map((t) => t.sourceMessageId)).size).toBe(3 * COUNT);
      for (const ticket of tickets.slice(0, 20)) expect((await store.tickets.events(ticket.id)).map((e) => e.seq)).toEqual([1]);
      expect(await store.alerts.list('burst-')).toHaveLength(COUNT);
      await store.close();
    } finally {
      data.remove();
    }
  }, 120_000);
});
