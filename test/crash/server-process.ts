import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../support/free-port';
import { waitUntil } from '../support/wait-until';

const MAIN = resolve(__dirname, '../../bot/main.ts');

/** A forked real server (bot/main.ts through tsx) and its stdout lines. */
export interface ServerProcess {
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the server on 127.0.0.1 (a free port) in test mode with maildrop mail and no demo data, plus
 * `env`; resolves once it listens. The caller kills it in `finally` (see `killAll`).
 */
export async function startServer(dataDir: string, env: Record<string, string | undefined>): Promise<ServerProcess> {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    MAIL_MODE: 'maildrop',
    MAIL_POLL_SECONDS: '1',
    SEED_DEMO: 'false',
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    SLA_SWEEP_SECONDS: '1',
  };
  delete merged.TEST_CRASH_AT;
  delete merged.INSTANCE_ID;
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  const child = fork(MAIN, [], { execArgv: ['--import', 'tsx'], env: merged, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const server: ServerProcess = {
    child,
    lines: [],
    exited: new Promise((done) => child.once('exit', (code, signal) => done({ code, signal }))),
  };
  child.stdout?.on('data', (chunk: Buffer) => server.lines.push(...chunk.toString('utf8').split('\n')));
  child.stderr?.resume();
  await waitUntil(
    () => server.lines.some((l) => l.includes('listening on')) || child.exitCode !== null || child.signalCode !== null,
    'server start',
    60_000,
  );
  return server;
}

/** Kills (SIGKILL) every child still running. */
export function killAll(children: ChildProcess[]): void {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
