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

const CODES: Record<number, [string, string]> = {
  429: ['TooManyRequests', 'Too many requests. Please retry after the time given in Retry-After.'],
  503: ['serviceNotAvailable', 'The service is temporarily unavailable. Please retry after the time given in Retry-After.'],
  504: ['gatewayTimeout', 'The server, while acting as a proxy, did not receive a timely response.'],
};

/** Throttling and outages on demand: the next N requests matching a pattern are refused. */
export class FaultInjector {
  private faults: ActiveFault[] = [];

  inject(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`fault.times must be an integer >= 1 (got ${times})`);
    this.faults.push({ spec, status: spec.status, times });
  }

  clear(): void {
    this.faults = [];
  }

  /** Faults still waiting to fire (sum of remaining times). */
  pending(): number {
    return this.faults.reduce((sum, f) => sum + f.times, 0);
  }

  /** Takes one matching fault, if any, and returns the refusal to send. */
  take(method: string, path: string, inBatch: boolean, at: Date): ServiceResponse | undefined {
    const fault = this.faults.find((f) => {
      const where = f.spec.inBatch ?? 'any';
      return (where === 'any' || where === inBatch) &&
        (f.spec.method === undefined || f.spec.method.toUpperCase() === method) &&
        (f.spec.path === undefined || pathMatches(f.spec.path, path));
    });
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times === 0) this.faults = this.faults.filter((f) => f !== fault);
    const [code, message] = CODES[fault.status]!;
    const headers: Record<string, string> = fault.spec.retryAfter === undefined ? {} : { 'retry-after': String(fault.spec.retryAfter) };
    return errorResponse(fault.status, code, message, at, headers);
  }
}
