import type { StateEntry, StateStore } from '../../application/ports';
import type { KnownIds, ListItems } from './list-items';

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

  constructor(private readonly items: ListItems) {}

  async getState<T = unknown>(key: string): Promise<T | undefined> {
    const item = await this.items.find('state', 'StateKey', key);
    if (!item) {
      this.known.delete(key);
      return undefined;
    }
    this.known.set(key, item.id);
    return JSON.parse(String(item.fields.Value)) as T;
  }

  async setState<T = unknown>(key: string, value: T): Promise<void> {
    await (await this.planWrites([[key, value]]))();
  }

  /** Every entry in one request (a $batch of 20 writes), not two per entry. Not atomic: SharePoint has no transactions. */
  async setStates(entries: readonly StateEntry[]): Promise<void> {
    await (await this.planWrites(entries))();
  }

  /** The returned function sends the writes (for a caller that adds its own steps to the same batch). */
  planWrites(entries: readonly StateEntry[]): Promise<() => Promise<void>> {
    return this.items.planUpserts('state', 'StateKey', entries.map(([key, value]) => [key, { Value: JSON.stringify(value) }] as const), this.known);
  }

  async deleteState(key: string): Promise<void> {
    const item = await this.items.find('state', 'StateKey', key);
    this.known.delete(key);
    if (item) await this.items.remove('state', item.id, undefined, [404]);
  }
}
