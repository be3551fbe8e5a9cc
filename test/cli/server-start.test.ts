import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `npm start`'s entry point (tsx bot/main.ts) on a temp DATA_DIR; resolves once it listens. */
async function start(dataDir: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bot/main.ts')], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', MAIL_MODE: 'log', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const deadline = Date.now() + 60_000;
  while (!out.includes('listening on')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, port, output: () => out };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

function cli(dataDir: string, ...args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [join(ROOT, 'bin/soporte.js'), ...args], { env: { ...process.env, DATA_DIR: dataDir } }, (error, stdout, stderr) => (error ? fail(new Error(stderr)) : done(stdout)));
  });
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
      let health: { status: string; store: { kind: string; schemaVersion: number }; monitor: { lastSweep: { active: boolean; tickets: number } | null; leaseHolder: string } } | undefined;
      for (let i = 0; i < 100 && !health?.monitor.lastSweep; i++) {
        health = (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as typeof health;
        if (!health?.monitor.lastSweep) await new Promise((r) => setTimeout(r, 100));
      }
      expect(health).toMatchObject({ status: 'ok', store: { kind: 'sqlite' }, monitor: { leaseHolder: 'start-test', lastSweep: { active: true, tickets: 2 } } });
      expect(health?.store.schemaVersion).toBeGreaterThanOrEqual(1);
    } finally {
      await stop(server.child);
    }
    const staff = JSON.parse(await cli(dir, 'staff', 'list', '--json')) as Array<{ role: string; aadObjectId: string; name: string }>;
    expect(staff.map((s) => s.role).sort()).toEqual(['L1', 'L2', 'L3', 'manager']);
    expect(staff.every((s) => s.name.startsWith('[DEMO]') && /^00000000-0000-0000-0000-0{11}2\d$/.test(s.aadObjectId))).toBe(true);
    const again = await start(dir, { INSTANCE_ID: 'start-test' });
    try {
      expect(again.output()).toMatch(/demo data: not loaded \(already-seeded\)/);
    } finally {
      await stop(again.child);
    }
  });

  it('seeds nothing with SEED_DEMO=false or in production', async () => {
    const envs: Array<Record<string, string>> = [{ SEED_DEMO: 'false' }, { NODE_ENV: 'production', SEED_DEMO: 'true', AUTH_MODE: 'entra', ENTRA_CLIENT_ID: 'x' }];
    for (const env of envs) {
      const dir = tempDir();
      const server = await start(dir, env).catch((error: Error) => ({ error }));
      if ('error' in server) {
        // Production may refuse other development settings; it must never have seeded before refusing.
        expect(JSON.parse(await cli(dir, 'clients', 'list', '--json'))).toEqual([]);
        continue;
      }
      try {
        expect(server.output()).toMatch(/demo data: disabled/);
      } finally {
        await stop(server.child);
      }
      expect(JSON.parse(await cli(dir, 'clients', 'list', '--json'))).toEqual([]);
    }
  });
});
