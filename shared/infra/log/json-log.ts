import type { Clock } from '../../application/ports';

/** Where structured log lines go (stdout by default; tests pass an array's push). */
export type LineSink = (line: string) => void;

export const stdoutSink: LineSink = (line) => {
  process.stdout.write(`${line}\n`);
};

/** Writes one JSON object per line: `{"at": ISO, "component": ..., "event": ..., ...fields}`. */
export class JsonLog {
  constructor(
    private readonly component: string,
    private readonly clock: Clock,
    private readonly sink: LineSink = stdoutSink,
  ) {}

  write(event: string, fields: Record<string, unknown>): void {
    this.sink(JSON.stringify({ at: this.clock.now().toISOString(), component: this.component, event, ...fields }));
  }
}
