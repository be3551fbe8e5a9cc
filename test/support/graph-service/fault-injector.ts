import { pathMatches, type PathPattern } from './path-pattern';
import { errorResponse } from './graph-http-error';
import type { ServiceResponse } from './service-types';

export interface FaultSpec {
  status: 429 | 503 | 504;
  /** Retry-After header value: seconds, or an HTTP date string. Omit for no header. */
  retryAfter?: number | string;
  /** How many matching requests fail (default 1). */
  times?: number;
  method?: string;
  path?: PathPattern;
  /** Default 'any': top-level requests and $batch steps alike; false: top-level only; true: batch steps only. */
  inBatch?: boolean | 'any';
}

interface ActiveFault extends Required<Pick<FaultSpec, 'status' | 'times'>> {
  spec: FaultSpec;
}

/** A Retry-After handed out: a matching request before `untilMs` is throttled again. */
interface Window {
  spec: FaultSpec;
  untilMs: number;
}

/** Milliseconds a Retry-After value asks for: seconds (fractional allowed) or an HTTP date. */
function retryAfterMs(value: number | string, nowMs: number): number {
  if (typeof value === 'number') return value * 1000;
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : at - nowMs;
}

const CODES: Record<number, [string, string]> = {
  429: ['TooManyRequests', 'Too many requests. Please retry after the time given in Retry-After.'],
  503: ['serviceNotAvailable', 'The service is temporarily unavailable. Please retry after the time given in Retry-After.'],
  504: ['gatewayTimeout', 'The server, while acting as a proxy, did not receive a timely response.'],
};

/** Throttling and outages on demand: the next N requests matching a pattern are refused. */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private windows: Window[] = [];
  /** Requests refused again because they came before the Retry-After they were given. */
  early = 0;

  /** Wall-clock time of the throttling windows (the client waits in real time). */
  constructor(private readonly nowMs: () => number = () => Date.now()) {}

  inject(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`fault.times must be an integer >= 1 (got ${times})`);
    this.faults.push({ spec, status: spec.status, times });
  }

  clear(): void {
    this.faults = [];
    this.windows = [];
  }

  /** Faults still waiting to fire (sum of remaining times). */
  pending(): number {
    return this.faults.reduce((sum, f) => sum + f.times, 0);
  }

  /** Takes one matching fault, if any, and returns the refusal to send. */
  take(method: string, path: string, inBatch: boolean, at: Date): ServiceResponse | undefined {
    const matches = (spec: FaultSpec) => {
      const where = spec.inBatch ?? 'any';
      return (
        (where === 'any' || where === inBatch) &&
        (spec.method === undefined || spec.method.toUpperCase() === method) &&
        (spec.path === undefined || pathMatches(spec.path, path))
      );
    };
    const now = this.nowMs();
    // A millisecond of grace: timers and Date.now() round.
    this.windows = this.windows.filter((w) => w.untilMs - 1 > now);
    const window = this.windows.find((w) => matches(w.spec));
    if (window) {
      // Came back before the Retry-After it was given: throttled again, told the time still to wait.
      this.early += 1;
      const [code, message] = CODES[429]!;
      return errorResponse(429, code, message, at, { 'retry-after': ((window.untilMs - now) / 1000).toFixed(3) });
    }
    const fault = this.faults.find((f) => matches(f.spec));
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times === 0) this.faults = this.faults.filter((f) => f !== fault);
    const [code, message] = CODES[fault.status]!;
    const headers: Record<string, string> =
      fault.spec.retryAfter === undefined ? {} : { 'retry-after': String(fault.spec.retryAfter) };
    if (fault.spec.retryAfter !== undefined) {
      const wait = retryAfterMs(fault.spec.retryAfter, now);
      if (wait > 0) this.windows.push({ spec: fault.spec, untilMs: now + wait });
    }
    return errorResponse(fault.status, code, message, at, headers);
  }
}
