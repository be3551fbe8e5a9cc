import type { StateStore } from '../../application/ports';
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

  async deleteState(key: string): Promise<void> {
    const item = await this.items.find('state', 'StateKey', key);
    if (item) await this.items.remove('state', item.id, undefined, [404]);
  }
}
