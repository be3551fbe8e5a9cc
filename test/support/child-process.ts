import type { ChildProcess } from 'node:child_process';

/** How long a stopped child gets to exit on SIGTERM before it is killed. */
const STOP_GRACE_MS = 5000;

/**
 * A child process a test started, watched by events (no polling): its output so far, a promise of its
 * exit, a wait for a line of output, and `stop()`, which every test calls in `finally` so a failed
 * test never leaves a process behind (jest would hang on it). A crash of the test process itself takes
 * the child along (`exit` hook).
 */
export class TestChild {
  private out = '';
  private stdoutText = '';
  private stderrText = '';
  private readonly listeners = new Set<() => void>();
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    const onData = (chunk: Buffer, fromStdout: boolean): void => {
      this.out += chunk.toString('utf8');
      if (fromStdout) this.stdoutText += chunk.toString('utf8');
      else this.stderrText += chunk.toString('utf8');
      for (const listener of [...this.listeners]) listener();
    };
    child.stdout?.on('data', (chunk: Buffer) => onData(chunk, true));
    child.stderr?.on('data', (chunk: Buffer) => onData(chunk, false));
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
    process.once('exit', this.killOnExit);
    void this.exited.then(() => {
      process.removeListener('exit', this.killOnExit);
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** Everything the child wrote on stdout and stderr so far. */
  output(): string {
    return this.out;
  }

  /** What the child wrote on stdout alone. */
  stdout(): string {
    return this.stdoutText;
  }

  /** What the child wrote on stderr alone. */
  stderr(): string {
    return this.stderrText;
  }

  running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves as soon as the output satisfies `check`; rejects if the child exits first or after `timeoutMs`. */
  waitForOutput(check: (output: string) => boolean, what: string, timeoutMs = 120_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        if (error) reject(error);
        else resolve();
      };
      const listener = (): void => {
        if (check(this.out)) done();
        else if (!this.running())
          done(new Error(`the child exited (${this.child.exitCode ?? this.child.signalCode}) before ${what}:\n${this.out}`));
      };
      const timer = setTimeout(() => done(new Error(`no ${what} within ${timeoutMs} ms:\n${this.out}`)), timeoutMs);
      this.listeners.add(listener);
      listener();
    });
  }

  /** SIGTERM, then SIGKILL after a grace period; resolves when the child has exited. Safe to call twice. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.running()) {
      this.child.kill(signal);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
      await this.exited;
      clearTimeout(timer);
    }
    await this.exited;
  }

  private readonly killOnExit = (): void => {
    if (this.running()) this.child.kill('SIGKILL');
  };
}
