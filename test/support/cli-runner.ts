import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TestChild } from './child-process';

const BIN = resolve(__dirname, '../../bin/soporte.js');
/** How long one command may run before it is stopped. */
const COMMAND_TIMEOUT_MS = 20_000;

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `soporte` command as a child process against `dataDir` (NODE_ENV=test, plus `env`, e.g.
 * TEST_CLOCK_START) until it exits and its output is read; `closedStdout` closes its stdout before it
 * writes (what `soporte ... | head` does). The child is stopped in `finally`, also after the timeout.
 */
async function runSoporte(
  dataDir: string,
  args: string[],
  env: Record<string, string>,
  closedStdout = false,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const spawned = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const closed = new Promise<number | null>((done, fail) => {
    spawned.once('error', fail);
    spawned.once('close', (code) => done(code));
  });
  const child = new TestChild(spawned);
  if (closedStdout) spawned.stdout.destroy();
  const timer = setTimeout(() => void child.stop(), COMMAND_TIMEOUT_MS);
  try {
    const code = await closed;
    return { code, stdout: child.stdout(), stderr: child.stderr() };
  } finally {
    clearTimeout(timer);
    await child.stop();
  }
}

/** `soporte <args>` against `dataDir`: its exit code (1 when it was killed) and output. */
export async function soporte(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  const { code, stdout, stderr } = await runSoporte(dataDir, args, env);
  return { code: code ?? 1, stdout, stderr };
}

/** `soporte ... --json`, parsed; a failing command fails the test with its stderr. */
export async function soporteJson<T>(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<T> {
  const result = await soporte(dataDir, [...args, '--json'], env);
  if (result.code !== 0) throw new Error(`soporte ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Runs `soporte` with its stdout closed before it writes (what `soporte ... | head` does to a long listing). */
export async function soporteIntoClosedPipe(dataDir: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const { code, stderr } = await runSoporte(dataDir, args, {}, true);
  return { code, stderr };
}

/** The arguments of `soporte tickets open --phone`: a call from `requester` of `client` about `subject`, then `more`. */
export function phoneCall(client: string, requester: string, subject: string, ...more: string[]): string[] {
  return ['tickets', 'open', '--phone', '--client', client, '--requester', requester, '--subject', subject, ...more];
}

export interface CliSandbox {
  /** The temp DATA_DIR (read it inside hooks and tests, not while the describe block is defined). */
  readonly dir: string;
  /** `soporte <args>` against the sandbox. */
  run(...args: string[]): Promise<Outcome>;
  /** `soporte <args> --json` against the sandbox, parsed; a failing command fails the test. */
  json<T>(...args: string[]): Promise<T>;
}

/**
 * A temp DATA_DIR for the tests of the describe block that calls this (made before them all, removed
 * after them all), and the CLI run against it with `env`.
 */
export function cliSandbox(prefix: string, env: Record<string, string> = {}): CliSandbox {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const current = (): string => {
    if (!dir) throw new Error('cliSandbox: the DATA_DIR exists inside hooks and tests only');
    return dir;
  };
  return {
    get dir() {
      return current();
    },
    run: (...args) => soporte(current(), args, env),
    json: <T>(...args: string[]) => soporteJson<T>(current(), args, env),
  };
}
