import type { Clock, SideEffectErrors } from '../../application/ports';
import { JsonLog, type LineSink } from './json-log';

/** Side-effect failures (a client email or a notification that failed after the change was saved) as JSON log lines. */
export class LogSideEffectErrors implements SideEffectErrors {
  private readonly log: JsonLog;

  constructor(clock: Clock, sink?: LineSink) {
    this.log = new JsonLog('side-effects', clock, sink);
  }

  report(error: unknown, context: { action: string; ticketId?: string | undefined; what: string }): void {
    const message = error instanceof Error ? error.message : String(error);
    const name = error instanceof Error ? error.name : typeof error;
    this.log.write('side-effect-failed', { ...context, error: { name, message } });
  }
}
