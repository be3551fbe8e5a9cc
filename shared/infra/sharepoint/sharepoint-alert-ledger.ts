import type { AlertLedger, AlertRecord } from '../../application/ports';
import { NotFoundError } from '../../domain/errors';
import { quote, type ListItem, type ListItems } from './list-items';

function record(item: ListItem): AlertRecord {
  const f = item.fields;
  const out: AlertRecord = { key: String(f.AlertKey), claimedAt: String(f.ClaimedAt), holder: String(f.Holder) };
  if (typeof f.CompletedAt === 'string' && f.CompletedAt !== '') out.completedAt = f.CompletedAt;
  if (typeof f.Ref === 'string' && f.Ref !== '') out.ref = f.Ref;
  return out;
}

/**
 * The exactly-once ledger: a claim creates the item with the unique AlertKey; SharePoint refuses a
 * second one (409), so among any number of instances only the first claimer gets `true`. Claims made
 * together leave in one $batch. Release deletes an uncompleted claim with If-Match, so a completion
 * that lands between the read and the delete is never undone.
 */
export class SharePointAlertLedger implements AlertLedger {
  constructor(private readonly items: ListItems) {}

  async claim(key: string, holder: string, at: Date): Promise<boolean> {
    const result = await this.items.create('alerts', { AlertKey: key, Holder: holder, ClaimedAt: at.toISOString() }, [409]);
    return result.status !== 409;
  }

  async complete(key: string, at: Date, ref?: string): Promise<void> {
    const item = await this.items.find('alerts', 'AlertKey', key);
    if (!item) throw new NotFoundError('alert claim', key);
    await this.items.update('alerts', item.id, { CompletedAt: at.toISOString(), Ref: ref ?? null });
  }

  async release(key: string): Promise<void> {
    const item = await this.items.find('alerts', 'AlertKey', key);
    if (!item || record(item).completedAt !== undefined) return;
    const result = await this.items.remove('alerts', item.id, item.eTag, [404, 412]);
    // 412: it changed since the read (completed, most likely): read again and decide again.
    if (result.status === 412) await this.release(key);
  }

  async get(key: string): Promise<AlertRecord | undefined> {
    const item = await this.items.find('alerts', 'AlertKey', key);
    return item ? record(item) : undefined;
  }

  async list(prefix: string): Promise<AlertRecord[]> {
    const items = await this.items.all('alerts', prefix === '' ? undefined : `startswith(fields/AlertKey, ${quote(prefix)})`);
    return items.map(record).filter((r) => r.key.startsWith(prefix)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
