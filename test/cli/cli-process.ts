import { execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(__dirname, '../../bin/soporte.js');

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `soporte` command as a child process against `dataDir` (extra env, e.g. TEST_CLOCK_START). */
export function soporte(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** `soporte ... --json`, parsed; a failing command fails the test with its stderr. */
export async function soporteJson<T>(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<T> {
  const result = await soporte(dataDir, [...args, '--json'], env);
  if (result.code !== 0) throw new Error(`soporte ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Runs `soporte` with its stdout closed before it writes (what `soporte ... | head` does to a long listing). */
export function soporteIntoClosedPipe(dataDir: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}
