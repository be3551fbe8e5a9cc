import type { StateEntry, StateStore } from '../../application/ports';
import type { ListItems } from './list-items';

/** Key-value state: one SoporteState item per key (unique StateKey), the value as JSON. */
export class SharePointStateStore implements StateStore {
  constructor(private readonly items: ListItems) {}

  async getState<T = unknown>(key: string): Promise<T | undefined> {
    const item = await this.items.find('state', 'StateKey', key);
    return item ? (JSON.parse(String(item.fields.Value)) as T) : undefined;
  }

  async setState<T = unknown>(key: string, value: T): Promise<void> {
    await this.items.upsert('state', 'StateKey', key, { Value: JSON.stringify(value) });
  }

  /** Every entry in two requests (all reads, then all writes), not two per entry. Not atomic: SharePoint has no transactions. */
  async setStates(entries: readonly StateEntry[]): Promise<void> {
    await (await this.planWrites(entries))();
  }

  /** Reads what `entries` will overwrite; the returned function sends the writes (for a caller that adds its own steps to them). */
  planWrites(entries: readonly StateEntry[]): Promise<() => Promise<void>> {
    return this.items.planUpserts('state', 'StateKey', entries.map(([key, value]) => [key, { Value: JSON.stringify(value) }] as const));
  }

  async deleteState(key: string): Promise<void> {
    const item = await this.items.find('state', 'StateKey', key);
    if (item) await this.items.remove('state', item.id, undefined, [404]);
  }
}
