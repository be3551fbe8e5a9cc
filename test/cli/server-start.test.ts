import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TestChild } from '../support/child-process';
import { soporteJson } from '../support/cli-runner';
import { freePort } from '../support/free-port';
import { waitUntil } from '../support/wait-until';

const ROOT = resolve(__dirname, '../..');

interface Server {
  child: TestChild;
  port: number;
  output: () => string;
}

/** `npm start`'s entry point (tsx bot/main.ts) on a temp DATA_DIR; resolves once it says it listens (killed if it never does). */
async function start(dataDir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = new TestChild(
    spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bot/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', MAIL_MODE: 'log', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  try {
    await child.waitForOutput((out) => out.includes('listening on'), 'server start');
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return { child, port, output: () => child.output() };
}

async function stop(child: TestChild): Promise<void> {
  await child.stop();
}

describe('npm start (bot/main.ts)', () => {
  jest.setTimeout(120_000);
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'soporte-start-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('loads the demo data on the first start, reports the store and the monitor on /healthz, and does not seed twice', async () => {
    const dir = tempDir();
    const server = await start(dir, { INSTANCE_ID: 'start-test' });
    try {
      expect(server.output()).toMatch(/demo data loaded: client "demo"/);
      let health:
        | {
            status: string;
            store: { kind: string; schemaVersion: number };
            monitor: { lastSweep: { active: boolean; tickets: number } | null; leaseHolder: string };
          }
        | undefined;
      await waitUntil(async () => {
        health = (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as typeof health;
        return Boolean(health?.monitor.lastSweep);
      }, 'the first SLA sweep on /healthz');
      expect(health).toMatchObject({
        status: 'ok',
        store: { kind: 'sqlite' },
        monitor: { leaseHolder: 'start-test', lastSweep: { active: true, tickets: 2 } },
      });
      expect(health?.store.schemaVersion).toBeGreaterThanOrEqual(1);
    } finally {
      await stop(server.child);
    }
    const staff = await soporteJson<Array<{ role: string; aadObjectId: string; name: string }>>(dir, ['staff', 'list']);
    expect(staff.map((s) => s.role).sort()).toEqual(['L1', 'L2', 'L3', 'manager']);
    expect(staff.every((s) => s.name.startsWith('[DEMO]') && /^00000000-0000-0000-0000-0{11}2\d$/.test(s.aadObjectId))).toBe(
      true,
    );
    const again = await start(dir, { INSTANCE_ID: 'start-test' });
    try {
      expect(again.output()).toMatch(/demo data: not loaded \(already-seeded\)/);
    } finally {
      await stop(again.child);
    }
  });

  it('seeds nothing with SEED_DEMO=false or in production', async () => {
    const envs: Array<Record<string, string>> = [
      { SEED_DEMO: 'false' },
      { NODE_ENV: 'production', SEED_DEMO: 'true', AUTH_MODE: 'entra', ENTRA_CLIENT_ID: 'x' },
    ];
    for (const env of envs) {
      const dir = tempDir();
      const server = await start(dir, env).catch((error: Error) => ({ error }));
      if ('error' in server) {
        // Production may refuse other development settings; it must never have seeded before refusing.
        expect(await soporteJson(dir, ['clients', 'list'])).toEqual([]);
        continue;
      }
      try {
        expect(server.output()).toMatch(/demo data: disabled/);
      } finally {
        await stop(server.child);
      }
      expect(await soporteJson(dir, ['clients', 'list'])).toEqual([]);
    }
  });
});
