import { isOk, relativeLink, stepError, type GraphStep, type StepResult } from '../graph/graph-batch';
import type { ListIds } from './list-ids';
import type { ListKey } from './list-schema';
import type { StepQueue } from '../graph/step-queue';

/** SharePoint serves at most 5,000 items a page (its list view threshold): the page size the store asks for. */
export const MAX_PAGE_SIZE = 5000;

export interface ListItem {
  /** The SharePoint item id (numeric, as a string). */
  id: string;
  eTag: string;
  fields: Record<string, unknown>;
}

export interface ItemPage {
  items: ListItem[];
  /** The @odata.nextLink, as a URL relative to the version. */
  next?: string;
}

/** An OData string literal. */
export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function eq(column: string, value: string | boolean): string {
  return typeof value === 'boolean' ? `fields/${column} eq ${value}` : `fields/${column} eq ${quote(value)}`;
}

export function anyOf(column: string, values: string[]): string {
  return values.length === 1 ? eq(column, values[0]!) : `(${values.map((v) => eq(column, v)).join(' or ')})`;
}

/** A new item leaves empty fields out (null clears a field on update; a create has nothing to clear). */
export function withoutNulls(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));
}

export function toItem(raw: Record<string, unknown>): ListItem {
  const fields = (raw.fields ?? raw) as Record<string, unknown>;
  const eTag = String(raw['@odata.etag'] ?? raw.eTag ?? fields['@odata.etag']);
  return { id: String(raw.id ?? fields.id), eTag, fields };
}

/** The eTag a write answered with (fields body, item body or the ETag header). */
export function eTagOf(result: StepResult): string {
  const tag = result.body?.['@odata.etag'] ?? result.body?.eTag ?? result.headers.etag;
  if (typeof tag !== 'string') throw new Error('Graph answered a list item write without an eTag');
  return tag;
}

/** Item ids of unique keys, as a caller remembers them (bounded by the caller). */
export interface KnownIds {
  get(key: string): string | undefined;
  set(key: string, id: string): void;
  delete(key: string): void;
}

/** How SharePoint may answer a duplicate in a unique column (undocumented: all are seen). */
export const DUPLICATE_STATUSES: ReadonlySet<number> = new Set([400, 409, 500]);

/** A read's items and its nextLink (relative). */
export function pageOf(result: StepResult): ItemPage {
  const value = (result.body?.value ?? []) as Array<Record<string, unknown>>;
  const next = result.body?.['@odata.nextLink'];
  return { items: value.map(toItem), ...(typeof next === 'string' ? { next: relativeLink(next) } : {}) };
}

/** The store's lists on one site, read and written through queued $batch steps. */
export class ListItems {
  constructor(
    readonly siteId: string,
    private readonly lists: ListIds,
    readonly queue: StepQueue,
  ) {}

  /**
   * Steps that belong together (a write and the steps depending on it, a read batch), 20 at most, sent
   * in one batch with whatever else was asked in the same turn of the event loop.
   */
  together(steps: GraphStep[]): Promise<Map<string, StepResult>> {
    return this.queue.submitGroup(steps);
  }

  itemsUrl(list: ListKey): string {
    return `/sites/${this.siteId}/lists/${this.lists[list]}/items`;
  }

  itemUrl(list: ListKey, itemId: string): string {
    return `${this.itemsUrl(list)}/${itemId}`;
  }

  /** The first page of a filtered read (`top` items at most, 5,000 by default). */
  queryUrl(list: ListKey, filter: string | undefined, top = MAX_PAGE_SIZE): string {
    const params = [
      `$expand=fields`,
      `$top=${Math.min(top, MAX_PAGE_SIZE)}`,
      ...(filter ? [`$filter=${encodeURIComponent(filter)}`] : []),
    ];
    return `${this.itemsUrl(list)}?${params.join('&')}`;
  }

  /** Sends one step through the queue; refusals other than `accept` throw. */
  send(step: Omit<GraphStep, 'id' | 'dependsOn'>, accept: number[] = []): Promise<StepResult> {
    return this.queue.request(step, accept);
  }

  async page(url: string): Promise<ItemPage> {
    return pageOf(await this.send({ method: 'GET', url }));
  }

  /** Every item matching `filter`, following nextLinks (one request per 5,000 items). */
  async all(list: ListKey, filter?: string): Promise<ListItem[]> {
    const items: ListItem[] = [];
    let url: string | undefined = this.queryUrl(list, filter);
    while (url) {
      const page: ItemPage = await this.page(url);
      items.push(...page.items);
      url = page.next;
    }
    return items;
  }

  /**
   * The one item whose unique `column` is `value`. SharePoint scans a large list in windows and may
   * answer empty pages with an @odata.nextLink: the lookup follows them until found or exhausted.
   */
  async find(list: ListKey, column: string, value: string): Promise<ListItem | undefined> {
    return this.firstFrom(await this.send({ method: 'GET', url: this.queryUrl(list, eq(column, value), 1) }));
  }

  /** The first item of a read answered inside a batch, following its nextLinks past empty pages. */
  async firstFrom(result: StepResult): Promise<ListItem | undefined> {
    let page: ItemPage = pageOf(result);
    for (;;) {
      if (page.items[0]) return page.items[0];
      if (!page.next) return undefined;
      page = await this.page(page.next);
    }
  }

  /**
   * Creates an item whose unique `column` holds `key`. Graph does not document how a duplicate is
   * refused (409, 400 and 500 with a generic body are all seen), so any refusal is followed by a read
   * of the key: 'exists' with the item found, or the refusal itself when nobody holds the key.
   */
  async createUnique(
    list: ListKey,
    column: string,
    key: string,
    fields: Record<string, unknown>,
  ): Promise<{ created: StepResult } | { exists: ListItem }> {
    const step = {
      method: 'POST' as const,
      url: this.itemsUrl(list),
      body: { fields: withoutNulls({ [column]: key, ...fields }) },
    };
    const result = await this.queue.submit(step);
    if (isOk(result)) return { created: result };
    if (!DUPLICATE_STATUSES.has(result.status)) throw stepError(step, result);
    const existing = await this.find(list, column, key);
    if (!existing) throw stepError(step, result);
    return { exists: existing };
  }

  create(list: ListKey, fields: Record<string, unknown>, accept: number[] = []): Promise<StepResult> {
    return this.send({ method: 'POST', url: this.itemsUrl(list), body: { fields: withoutNulls(fields) } }, accept);
  }

  update(
    list: ListKey,
    itemId: string,
    fields: Record<string, unknown>,
    ifMatch?: string,
    accept: number[] = [],
  ): Promise<StepResult> {
    return this.send(
      {
        method: 'PATCH',
        url: `${this.itemUrl(list, itemId)}/fields`,
        body: fields,
        ...(ifMatch ? { headers: { 'If-Match': ifMatch } } : {}),
      },
      accept,
    );
  }

  remove(list: ListKey, itemId: string, ifMatch?: string, accept: number[] = []): Promise<StepResult> {
    return this.send(
      { method: 'DELETE', url: this.itemUrl(list, itemId), ...(ifMatch ? { headers: { 'If-Match': ifMatch } } : {}) },
      accept,
    );
  }

  /**
   * Upserts of several keys in two rounds: the reads of all keys leave together (one $batch per 20),
   * and the returned function sends all the writes together. A key repeated in `rows` takes its last
   * fields; a create refused (another writer created the key since the read) is upserted on its own.
   * With `known` (key -> item id, kept by the caller) nothing is read first: a known key's item is
   * written straight (a key keeps its item: the column is unique), an unknown key is created (most keys
   * written are new); a create refused as a duplicate, or an update of an item deleted meanwhile (404),
   * is upserted on its own.
   */
  async planUpserts(
    list: ListKey,
    column: string,
    rows: ReadonlyArray<readonly [key: string, fields: Record<string, unknown>]>,
    known?: KnownIds,
  ): Promise<() => Promise<void>> {
    const last = [...new Map(rows.map(([key, fields]) => [key, fields])).entries()];
    const found = known
      ? last.map(([key]) => known.get(key))
      : await Promise.all(last.map(async ([key]) => (await this.find(list, column, key))?.id));
    return async () => {
      const results = await Promise.all(
        last.map(([key, fields], i) => {
          const id = found[i];
          return id
            ? this.update(list, id, fields, undefined, [404])
            : this.create(list, { [column]: key, ...fields }, [...DUPLICATE_STATUSES]);
        }),
      );
      await Promise.all(
        last.map(async ([key, fields], i) => {
          const result = results[i]!;
          if (isOk(result)) {
            if (result.body?.id !== undefined || found[i]) known?.set(key, found[i] ?? String(result.body!.id));
            return;
          }
          known?.delete(key);
          await this.upsert(list, column, key, fields, known);
        }),
      );
    };
  }

  /** Creates the item with unique `column` = `key`, or overwrites the one that has it. */
  async upsert(list: ListKey, column: string, key: string, fields: Record<string, unknown>, known?: KnownIds): Promise<void> {
    const existing = await this.find(list, column, key);
    if (existing) {
      await this.update(list, existing.id, fields);
      known?.set(key, existing.id);
      return;
    }
    // Created by another writer since the read: overwrite it.
    const outcome = await this.createUnique(list, column, key, fields);
    if ('exists' in outcome) await this.update(list, outcome.exists.id, fields);
    known?.set(key, 'exists' in outcome ? outcome.exists.id : String(outcome.created.body?.id));
  }
}
