import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { holderKnownDead, leaseHolderName } from '../../bot/mail/lease-holder';
import { openSqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import { waitUntil } from '../support/wait-until';
import { killAll, startServer } from './server-process';

const T0 = '2026-03-04T17:00:00.000Z';
const LEASE = 'mail-intake:maildrop';

async function currentHolder(dataDir: string): Promise<string | undefined> {
  const store = await openSqliteStore({ dataDir });
  try {
    return (await store.leases.currentLease(LEASE))?.holder;
  } finally {
    await store.close();
  }
}

function dropMail(dataDir: string, id: string): void {
  mkdirSync(join(dataDir, 'maildrop'), { recursive: true });
  writeFileSync(
    join(dataDir, 'maildrop', `${id}.eml`),
    [
      'From: stranger@nowhere.example',
      'To: soporte@soporte.local',
      `Subject: ${id}`,
      `Message-ID: <${id}@nowhere.example>`,
      '',
      'hola',
      '',
    ].join('\r\n'),
  );
}

function settled(dataDir: string, id: string): boolean {
  return ['processed', 'quarantine'].some(
    (d) => existsSync(join(dataDir, 'mail', d)) && readdirSync(join(dataDir, 'mail', d)).includes(`${id}.eml`),
  );
}

describe('mail intake resumes as soon as a new process starts (issue 10, point 12)', () => {
  jest.setTimeout(120_000);
  const children: ChildProcess[] = [];
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'soporte-mail-lease-'));
  });
  afterEach(() => {
    killAll(children);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("after kill -9, the next process on this host takes the dead holder's lease at once (not after its 60 s)", async () => {
    const first = await startServer(dataDir, { TEST_CLOCK_START: T0, INSTANCE_ID: 'web-1' });
    children.push(first.child);
    await waitUntil(() => first.lines.some((l) => l.startsWith('[soporte] mail intake:')), 'mail intake', 30_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await currentHolder(dataDir)).toBe(`web-1@${hostname()}:${first.child.pid}`);
    first.child.kill('SIGKILL');
    await first.exited;

    // Same clock start: the dead holder's lease has most of its 60 s left on the new process's clock.
    const second = await startServer(dataDir, { TEST_CLOCK_START: T0, INSTANCE_ID: 'web-1' });
    children.push(second.child);
    const startedAt = Date.now();
    dropMail(dataDir, 'after-crash');
    await waitUntil(() => settled(dataDir, 'after-crash'), 'the message read by the new process', 20_000);
    expect(Date.now() - startedAt).toBeLessThan(20_000);
    expect(await currentHolder(dataDir)).toBe(`web-1@${hostname()}:${second.child.pid}`);

    // A clean shutdown gives the lease back.
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect(await currentHolder(dataDir)).toBeUndefined();
  });
});

describe('who is known dead', () => {
  it.each([
    ['this host, a pid that is gone', `web-1@${hostname()}:999999`, true],
    ['the default instance id form host:pid, gone', `${hostname()}:999999`, true],
    ['this very process', `${hostname()}:${process.pid}`, false],
    ['this host, a live process (the parent)', `${hostname()}:${process.ppid}`, false],
    ['another host: never assumed dead', 'web-2@other-host:123', false],
    ['a name without host and pid', 'web-1', false],
  ])('%s', (_what, holder, dead) => {
    expect(holderKnownDead(holder)).toBe(dead);
  });

  it('names the holder with host and pid unless the instance id already does', () => {
    expect(leaseHolderName('web-1', 'h', 42)).toBe('web-1@h:42');
    expect(leaseHolderName('h:42', 'h', 42)).toBe('h:42');
  });
});
