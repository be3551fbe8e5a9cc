import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphBatch } from '../graph/graph-batch';
import { ListItems } from './list-items';
import { findList, siteLists, type ListIds, type SiteList } from './list-ids';
import {
  columnDefinition,
  LISTS,
  SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
  type ColumnKind,
  type ColumnSpec,
  type ListKey,
  type ListSpec,
} from './list-schema';
import { resolveSiteId } from './site-ref';
import { StepQueue } from '../graph/step-queue';

export type ProvisionAction =
  | 'list-created'
  | 'column-added'
  | 'column-indexed'
  | 'column-made-unique'
  | 'list-unchanged'
  | 'schema-version-set'
  | 'schema-version-unchanged';

export interface ProvisionEvent {
  /** The list (or "schema" for the version row). */
  list: string;
  action: ProvisionAction;
  column?: string;
  /** Steps finished so far, of `total` (one per list plus the schema version). */
  done: number;
  total: number;
}

export interface ProvisionReport {
  siteId: string;
  schemaVersion: number;
  /** What this run changed; empty when the site was already up to date. */
  changes: ProvisionEvent[];
}

interface GraphColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  text?: { allowMultipleLines?: boolean };
  [facet: string]: unknown;
}

interface GraphList extends SiteList {
  columns?: GraphColumn[];
}

const CHANGES: ProvisionAction[] = ['list-created', 'column-added', 'column-indexed', 'column-made-unique', 'schema-version-set'];

function kindOf(column: GraphColumn): ColumnKind | undefined {
  if (column.text) return column.text.allowMultipleLines ? 'note' : 'text';
  return (['number', 'dateTime', 'boolean'] as const).find((k) => column[k] !== undefined);
}

/**
 * Creates the store's lists on a site, with typed columns, indexes on every column the store filters
 * on and unique keys; adds what an older provisioning left out (columns, indexes, unique keys) and
 * finally records the schema version. Idempotent: on an up-to-date site it changes nothing and the
 * report's `changes` is empty. Needs more than the app's runtime permission (creating lists and
 * columns: Sites.Selected with the "manage" role on the site, or Sites.Manage.All).
 */
export async function provisionSite(options: {
  client: Client;
  site: string;
  onProgress?: (event: ProvisionEvent) => void;
}): Promise<ProvisionReport> {
  const { client } = options;
  const siteId = await resolveSiteId(client, options.site);
  const total = Object.keys(LISTS).length + 1;
  const changes: ProvisionEvent[] = [];
  let done = 0;
  const report = (list: string, action: ProvisionAction, column?: string, finished = false) => {
    if (finished) done += 1;
    const event: ProvisionEvent = { list, action, done, total, ...(column ? { column } : {}) };
    if (CHANGES.includes(action)) changes.push(event);
    options.onProgress?.(event);
  };

  const lists = await siteLists<GraphList>(client, siteId, 'columns');
  const ids: Partial<ListIds> = {};
  for (const [key, spec] of Object.entries(LISTS) as Array<[ListKey, ListSpec]>) {
    const found = findList(lists, spec.name);
    if (!found) {
      const created = (await client.api(`/sites/${siteId}/lists`).post({
        displayName: spec.name,
        description: spec.description,
        columns: spec.columns.map(columnDefinition),
        list: { template: 'genericList' },
      })) as SiteList;
      ids[key] = created.id;
      report(spec.name, 'list-created', undefined, true);
      continue;
    }
    ids[key] = found.id;
    let changed = false;
    for (const column of spec.columns)
      changed =
        (await ensureColumn(client, siteId, found, column, (action) => report(spec.name, action, column.name))) || changed;
    if (!changed) report(spec.name, 'list-unchanged', undefined, true);
    else done += 1;
  }

  const batch = new GraphBatch(client);
  const items = new ListItems(siteId, ids as ListIds, new StepQueue(batch));
  const row = await items.find('counters', 'CounterKey', SCHEMA_VERSION_KEY);
  const stored = row ? Number(row.fields.Value) : 0;
  if (stored >= SCHEMA_VERSION) {
    report('schema', 'schema-version-unchanged', undefined, true);
  } else {
    if (row) await items.update('counters', row.id, { Value: SCHEMA_VERSION }, row.eTag);
    else await items.create('counters', { CounterKey: SCHEMA_VERSION_KEY, Value: SCHEMA_VERSION });
    report('schema', 'schema-version-set', undefined, true);
  }
  return { siteId, schemaVersion: Math.max(stored, SCHEMA_VERSION), changes };
}

/** Adds the column, or its index / unique key, when missing; true when it changed something. */
async function ensureColumn(
  client: Client,
  siteId: string,
  list: GraphList,
  spec: ColumnSpec,
  say: (action: ProvisionAction) => void,
): Promise<boolean> {
  const columnsUrl = `/sites/${siteId}/lists/${list.id}/columns`;
  const column = (list.columns ?? []).find((c) => c.name.toLowerCase() === spec.name.toLowerCase());
  if (!column) {
    await client.api(columnsUrl).post(columnDefinition(spec));
    say('column-added');
    return true;
  }
  const kind = kindOf(column);
  if (kind !== spec.kind) {
    throw new Error(
      `list ${list.displayName}: column ${spec.name} is ${kind ?? 'of an unknown type'}, Soporte needs ${spec.kind}; fix or remove it by hand, then provision again`,
    );
  }
  let changed = false;
  if (spec.unique && !column.enforceUniqueValues) {
    await client.api(`${columnsUrl}/${column.id}`).patch({ indexed: true, enforceUniqueValues: true });
    say('column-made-unique');
    changed = true;
  } else if ((spec.indexed || spec.unique) && !column.indexed) {
    await client.api(`${columnsUrl}/${column.id}`).patch({ indexed: true });
    say('column-indexed');
    changed = true;
  }
  return changed;
}
