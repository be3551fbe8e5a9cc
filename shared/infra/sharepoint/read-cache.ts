import type { Clock } from '../../application/ports';

/** How long this instance may answer a directory read from memory (another instance's change shows after at most this). */
export interface ReadCacheOptions {
  clock: Clock;
  ttlMs: number;
}

/**
 * Answers of reads kept for a short time (per process), so one use case that asks the same thing
 * several times (intake's sender check, the ticket's access check, the mailer's greeting) asks Graph
 * once. Writes through this instance clear it; changes made elsewhere show after the TTL.
 * A read under way is shared: reads made together are one request. Callers get their own copies.
 */
export class ReadCache {
  private readonly entries = new Map<string, { until: number; value: Promise<unknown> }>();

  constructor(private readonly options?: ReadCacheOptions) {}

  /** Whether answers are kept at all (without options every read goes to the store). */
  get enabled(): boolean {
    return this.options !== undefined;
  }

  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.options) return load();
    const now = this.options.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value.then((v) => structuredClone(v) as T);
    const value = load();
    this.entries.set(key, { until: now + this.options.ttlMs, value });
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    return value.then((v) => structuredClone(v));
  }

  clear(): void {
    this.entries.clear();
  }
}
