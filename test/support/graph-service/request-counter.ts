import { pathMatches, type PathPattern } from './path-pattern';

export interface CountedRequest {
  method: string;
  path: string;
  /** True for a step inside a $batch (the $batch POST itself is counted as one HTTP request). */
  inBatch: boolean;
  status: number;
  /** The decoded query string, when there was one (for request logs). */
  query?: string;
}

export interface CountFilter {
  method?: string;
  path?: PathPattern;
  /** Default false: count HTTP round trips only. true: batch steps only. 'any': both. */
  inBatch?: boolean | 'any';
}

/** Every request the service answered, for tests and benches ("Graph requests per operation"). */
export class RequestCounter {
  private readonly seen: CountedRequest[] = [];

  record(request: CountedRequest): void {
    this.seen.push(request);
  }

  count(filter: CountFilter = {}): number {
    return this.list(filter).length;
  }

  list(filter: CountFilter = {}): CountedRequest[] {
    const inBatch = filter.inBatch ?? false;
    return this.seen.filter(
      (r) =>
        (inBatch === 'any' || r.inBatch === inBatch) &&
        (filter.method === undefined || r.method === filter.method.toUpperCase()) &&
        (filter.path === undefined || pathMatches(filter.path, r.path)),
    );
  }

  /** Runs one operation and tells how many requests (matching the filter) it made: "Graph requests per operation". */
  async measure<T>(operation: () => Promise<T>, filter: CountFilter = {}): Promise<{ result: T; requests: number }> {
    const before = this.seen.length;
    const result = await operation();
    const during = new RequestCounter();
    for (const r of this.seen.slice(before)) during.record(r);
    return { result, requests: during.count(filter) };
  }

  reset(): void {
    this.seen.length = 0;
  }
}
