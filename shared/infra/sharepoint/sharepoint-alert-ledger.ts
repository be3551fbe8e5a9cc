import type { AlertLedger, AlertRecord, StateEntry } from '../../application/ports';
import { NotFoundError } from '../../domain/common';
import { eTagOf, quote, type ListItem, type ListItems } from './list-items';
import type { SharePointStateStore } from './sharepoint-state-store';

/** Claims remembered for a direct complete/release (a forgotten one costs a lookup). */
const WON_CAPACITY = 10_000;

function record(item: ListItem): AlertRecord {
  const f = item.fields;
  const out: AlertRecord = { key: String(f.AlertKey), claimedAt: String(f.ClaimedAt), holder: String(f.Holder) };
  if (typeof f.CompletedAt === 'string' && f.CompletedAt !== '') out.completedAt = f.CompletedAt;
  if (typeof f.Ref === 'string' && f.Ref !== '') out.ref = f.Ref;
  return out;
}

/**
 * The exactly-once ledger: a claim creates the item with the unique AlertKey; SharePoint refuses a
 * second one (409, 400 or 500: undocumented, so the key is read again), so among any number of instances only the first claimer gets `true`. Claims made
 * together leave in one $batch. Release deletes an uncompleted claim with If-Match, so a completion
 * that lands between the read and the delete is never undone. The claimer remembers the item it
 * created, so its complete or release is one request.
 */
export class SharePointAlertLedger implements AlertLedger {
  /** Claims this instance won: item id and eTag, so complete and release go straight to the item. */
  private readonly won = new Map<string, { id: string; eTag: string }>();

  constructor(
    private readonly items: ListItems,
    private readonly state: SharePointStateStore,
  ) {}

  async claim(key: string, holder: string, at: Date): Promise<boolean> {
    const outcome = await this.items.createUnique('alerts', 'AlertKey', key, { Holder: holder, ClaimedAt: at.toISOString() });
    if ('created' in outcome) {
      this.remember(key, { id: String(outcome.created.body?.id), eTag: eTagOf(outcome.created) });
      return true;
    }
    // Someone holds the key. (Should a refusal hide our own write, the claim stays uncompleted and is
    // taken over once stale: sent late, never twice.)
    return false;
  }

  async complete(key: string, at: Date, ref?: string): Promise<void> {
    const fields = { CompletedAt: at.toISOString(), Ref: ref ?? null };
    const known = this.won.get(key);
    this.won.delete(key);
    if (known && (await this.items.update('alerts', known.id, fields, undefined, [404])).status !== 404) return;
    const item = await this.items.find('alerts', 'AlertKey', key);
    if (!item) throw new NotFoundError('alert claim', key);
    await this.items.update('alerts', item.id, fields);
  }

  /**
   * The state writes and the completion leave in one $batch, after one read of the state keys: two
   * requests for a sent email's bookkeeping. Not one commit (SharePoint has none): a crash between the
   * two requests leaves the claim open, as a crash before complete() would.
   */
  async completeWithState(key: string, at: Date, ref: string | undefined, entries: readonly StateEntry[]): Promise<void> {
    const write = await this.state.planWrites(entries);
    await Promise.all([write(), this.complete(key, at, ref)]);
  }

  /** Read, then a PATCH with the item's eTag: a claim changed meanwhile (412) is someone else's. */
  async takeOverStale(key: string, holder: string, at: Date, staleBefore: Date): Promise<boolean> {
    const item = await this.items.find('alerts', 'AlertKey', key);
    if (!item) return false;
    const current = record(item);
    if (current.completedAt !== undefined || !(Date.parse(current.claimedAt) < staleBefore.getTime())) return false;
    const result = await this.items.update('alerts', item.id, { Holder: holder, ClaimedAt: at.toISOString() }, item.eTag, [412]);
    if (result.status === 412) return false;
    this.remember(key, { id: item.id, eTag: eTagOf(result) });
    return true;
  }

  async release(key: string): Promise<void> {
    const known = this.won.get(key);
    this.won.delete(key);
    // Unchanged since our claim (same eTag): not completed, ours to give back.
    if (known && (await this.items.remove('alerts', known.id, known.eTag, [404, 412])).status !== 412) return;
    const item = await this.items.find('alerts', 'AlertKey', key);
    if (!item || record(item).completedAt !== undefined) return;
    const result = await this.items.remove('alerts', item.id, item.eTag, [404, 412]);
    // 412: it changed since the read (completed, most likely): read again and decide again.
    if (result.status === 412) await this.release(key);
  }

  private remember(key: string, item: { id: string; eTag: string }): void {
    this.won.set(key, item);
    if (this.won.size > WON_CAPACITY) this.won.delete(this.won.keys().next().value!);
  }

  async get(key: string): Promise<AlertRecord | undefined> {
    const item = await this.items.find('alerts', 'AlertKey', key);
    return item ? record(item) : undefined;
  }

  async list(prefix: string): Promise<AlertRecord[]> {
    const items = await this.items.all('alerts', prefix === '' ? undefined : `startswith(fields/AlertKey, ${quote(prefix)})`);
    return items
      .map(record)
      .filter((r) => r.key.startsWith(prefix))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
