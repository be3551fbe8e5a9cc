import type { StateEntry, StateStore } from '../../application/ports';
import type { KnownIds, ListItems } from './list-items';
import type { ReadCacheOptions } from './read-cache';

/** Keys whose values this instance keeps for a short time (by prefix): values only a hint may be a little stale. */
export interface StateCacheOptions extends ReadCacheOptions {
  prefixes: readonly string[];
}

/** Keys whose item id this instance remembers (the oldest are forgotten first; a forgotten one costs a read). */
const KNOWN_CAPACITY = 10_000;

class KnownKeys implements KnownIds {
  private readonly ids = new Map<string, string>();

  get(key: string): string | undefined {
    return this.ids.get(key);
  }

  set(key: string, id: string): void {
    this.ids.delete(key);
    this.ids.set(key, id);
    if (this.ids.size > KNOWN_CAPACITY) this.ids.delete(this.ids.keys().next().value!);
  }

  delete(key: string): void {
    this.ids.delete(key);
  }
}

/**
 * Key-value state: one SoporteState item per key (unique StateKey), the value as JSON. The item id of a
 * key seen once is remembered (a key keeps its item: the column is unique), so overwriting it is one
 * write; an unknown key is created outright (a refusal as a duplicate is then read and overwritten);
 * an item deleted meanwhile (404) is created again. A write is one request, not a read and a write.
 */
export class SharePointStateStore implements StateStore {
  private readonly known = new KnownKeys();
  /** Values of cached keys as JSON, with the instant they stop being trusted. */
  private readonly held = new Map<string, { json: string | undefined; until: number }>();

  /**
   * `cache`: values of keys with those prefixes (the server: email threads, `mail-thread:`) read or
   * written by this instance are answered from memory for its TTL; off by default.
   */
  constructor(
    private readonly items: ListItems,
    private readonly cache?: StateCacheOptions,
  ) {}

  async getState<T = unknown>(key: string): Promise<T | undefined> {
    const held = this.held.get(key);
    if (held && held.until > this.cache!.clock.now().getTime())
      return held.json === undefined ? undefined : (JSON.parse(held.json) as T);
    const item = await this.items.find('state', 'StateKey', key);
    if (!item) {
      this.known.delete(key);
      this.hold(key, undefined);
      return undefined;
    }
    this.known.set(key, item.id);
    this.hold(key, String(item.fields.Value));
    return JSON.parse(String(item.fields.Value)) as T;
  }

  private hold(key: string, json: string | undefined): void {
    if (!this.cache?.prefixes.some((p) => key.startsWith(p))) return;
    this.held.delete(key);
    this.held.set(key, { json, until: this.cache.clock.now().getTime() + this.cache.ttlMs });
    if (this.held.size > KNOWN_CAPACITY) this.held.delete(this.held.keys().next().value!);
  }

  async setState<T = unknown>(key: string, value: T): Promise<void> {
    await (
      await this.planWrites([[key, value]])
    )();
  }

  /** Every entry in one request (a $batch of 20 writes), not two per entry. Not atomic: SharePoint has no transactions. */
  async setStates(entries: readonly StateEntry[]): Promise<void> {
    await (
      await this.planWrites(entries)
    )();
  }

  /** The returned function sends the writes (for a caller that adds its own steps to the same batch). */
  async planWrites(entries: readonly StateEntry[]): Promise<() => Promise<void>> {
    const rows = entries.map(([key, value]) => [key, { Value: JSON.stringify(value) }] as const);
    for (const [key] of rows) this.held.delete(key);
    const send = await this.items.planUpserts('state', 'StateKey', rows, this.known);
    return async () => {
      try {
        await send();
      } finally {
        for (const [key] of rows) this.held.delete(key);
      }
      for (const [key, fields] of rows) this.hold(key, fields.Value);
    };
  }

  async deleteState(key: string): Promise<void> {
    this.held.delete(key);
    const item = await this.items.find('state', 'StateKey', key);
    this.known.delete(key);
    if (item) await this.items.remove('state', item.id, undefined, [404]);
  }
}
