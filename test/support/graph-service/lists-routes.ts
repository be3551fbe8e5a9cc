import { badRequest } from './graph-http-error';
import type { StoredColumn, StoredItem, StoredList, StoredSite } from './lists-types';
import { itemETag, SYSTEM_FIELDS, type ColumnInput, type ListsStore } from './lists-store';
import { compareValues, evaluateFilter, filterPaths, readPath } from './odata-filter';
import {
  parseExpand,
  parseFilterOption,
  parseOrderBy,
  parseSelect,
  parseTop,
  preferences,
  queryOption,
  type OrderBy,
} from './odata-query';
import { querySignature, type TokenVault } from './token-vault';
import type { FilterNode } from './odata-filter';
import { empty, json, objectBody } from './responses';
import type { Params, Router } from './router';
import type { ServiceRequest } from './service-types';

/**
 * List items paging. Graph's documentation states no maximum $top for list items; what it serves is
 * SharePoint's: 200 items a page when no $top is given, and a page never larger than 5,000 (SharePoint's
 * list view threshold, the largest single read the service allows). A larger $top is served 5,000 at a time
 * with an @odata.nextLink. Both are service options (listItemsDefaultPageSize, listItemsMaxPageSize).
 */
export const LIST_ITEMS_DEFAULT_PAGE_SIZE = 200;
export const LIST_ITEMS_MAX_PAGE_SIZE = 5000;
/**
 * SharePoint "goes through all items in the list in increments (sliding window)" and returns the matches of
 * each increment with an @odata.nextLink, "even if the current response contains an empty result" (beta
 * listitem-list.md). Modelled: a request scans at most this many items.
 */
export const LIST_SCAN_WINDOW = 5000;
export const HONOR_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export interface ListsPaging {
  defaultPageSize: number;
  maxPageSize: number;
  /** Items one request scans at most (LIST_SCAN_WINDOW). */
  scanWindow: number;
  tokens: TokenVault;
}

/** The operators the docs allow on list items: eq ne lt gt le ge and startswith (joined by and/or). */
function requireDocumentedOperators(node: FilterNode): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      requireDocumentedOperators(node.left);
      requireDocumentedOperators(node.right);
      return;
    case 'compare':
      return;
    case 'call':
      if (node.name === 'startswith') return;
      break;
    default:
      break;
  }
  const what = node.kind === 'call' ? node.name : node.kind;
  throw badRequest(
    'invalidRequest',
    `'${what}' is not supported in $filter on list items: use eq, ne, lt, gt, le, ge or startswith.`,
  );
}

const CONTENT_TYPE = { id: '0x010038F7A8D9B6E64C4DA8B5F0B7A6A0E4F1', name: 'Item' };
const APP = { user: { displayName: 'SharePoint App' } };

function siteJson(site: StoredSite): Record<string, unknown> {
  return {
    createdDateTime: site.createdDateTime,
    description: '',
    id: site.id,
    lastModifiedDateTime: site.createdDateTime,
    name: site.name,
    webUrl: `https://${site.hostname}${site.path}`,
    displayName: site.displayName,
    root: {},
    siteCollection: { hostname: site.hostname },
  };
}

function columnJson(c: StoredColumn): Record<string, unknown> {
  return {
    columnGroup: c.readOnly ? '_Hidden' : 'Custom Columns',
    description: c.description,
    displayName: c.displayName,
    enforceUniqueValues: c.enforceUniqueValues,
    hidden: c.hidden,
    id: c.id,
    indexed: c.indexed,
    name: c.name,
    readOnly: c.readOnly,
    required: c.required,
    [c.type]: c.facet,
  };
}

function listJson(site: StoredSite, list: StoredList, expandColumns: boolean): Record<string, unknown> {
  return {
    '@odata.etag': `"${list.id},${list.columns.length}"`,
    createdDateTime: list.createdDateTime,
    description: list.description,
    eTag: `"${list.id},${list.columns.length}"`,
    id: list.id,
    lastModifiedDateTime: list.lastModifiedDateTime,
    name: list.name,
    webUrl: `https://${site.hostname}${site.path}/Lists/${list.name}`,
    displayName: list.displayName,
    createdBy: APP,
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
    ...(expandColumns ? { columns: list.columns.map(columnJson) } : {}),
  };
}

function fieldsJson(item: StoredItem, select?: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    ...item.fields,
    id: String(item.id),
    ContentType: 'Item',
    Modified: item.lastModifiedDateTime,
    Created: item.createdDateTime,
    AuthorLookupId: '6',
    EditorLookupId: '6',
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
  };
  const out: Record<string, unknown> = { '@odata.etag': itemETag(item) };
  for (const [k, v] of Object.entries(all)) if (!select || select.includes(k)) out[k] = v;
  return out;
}

function itemJson(
  site: StoredSite,
  list: StoredList,
  item: StoredItem,
  fields: { select?: string[] } | undefined,
  select?: string[],
): Record<string, unknown> {
  const all: Record<string, unknown> = {
    createdDateTime: item.createdDateTime,
    eTag: itemETag(item),
    id: String(item.id),
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `https://${site.hostname}${site.path}/Lists/${list.name}/${item.id}_.000`,
    createdBy: APP,
    lastModifiedBy: APP,
    parentReference: { id: list.id, siteId: site.id },
    contentType: CONTENT_TYPE,
  };
  const out: Record<string, unknown> = { '@odata.etag': itemETag(item) };
  for (const [k, v] of Object.entries(all)) if (!select || select.includes(k) || k === 'id') out[k] = v;
  if (fields) out.fields = fieldsJson(item, fields.select);
  return out;
}

/** The filter/sort view of an item: item properties plus fields, ids as numbers. */
function itemView(item: StoredItem): Record<string, unknown> {
  return {
    id: item.id,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    fields: { ...item.fields, id: item.id, ID: item.id, Created: item.createdDateTime, Modified: item.lastModifiedDateTime },
  };
}

/** A field used in $filter/$orderby must be indexed, unless the caller accepts the risk with the Prefer header. */
function requireIndexed(list: StoredList, store: ListsStore, paths: string[], request: ServiceRequest): void {
  const honor = preferences(request.headers).some((p) => p.toLowerCase() === HONOR_NON_INDEXED.toLowerCase());
  for (const path of paths) {
    const field = path.replace(/^fields\//i, '');
    if (/^(id|ID)$/.test(field)) continue;
    const col = SYSTEM_FIELDS.includes(field) || !/^fields\//i.test(path) ? undefined : store.fieldColumn(list, field);
    const name = col?.name ?? field;
    if (!col?.indexed && !honor) {
      throw badRequest(
        'invalidRequest',
        `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
  }
}

function sortKey(view: Record<string, unknown>, order: OrderBy[]): unknown[] {
  return [...order.map((o) => readPath(view, o.path) ?? null), view.id];
}

function compareKeys(a: unknown[], b: unknown[], order: OrderBy[]): number {
  for (let i = 0; i < a.length; i++) {
    const descending = order[i]?.descending ?? false;
    if (compareValues('lt', a[i], b[i]) || (a[i] === null && b[i] !== null)) return descending ? 1 : -1;
    if (compareValues('gt', a[i], b[i]) || (b[i] === null && a[i] !== null)) return descending ? -1 : 1;
  }
  return 0;
}

/** Sites, lists, columns and list items of Graph v1.0 (SharePoint). */
export function addListsRoutes(router: Router, store: ListsStore, paging: ListsPaging): void {
  const siteOf = (p: Params) => store.site(p.site!);
  const listOf = (p: Params) => {
    const site = siteOf(p);
    return { site, list: store.list(site, p.list!) };
  };
  const fieldsExpansion = (request: ServiceRequest) => {
    const expand = parseExpand(queryOption(request.query, 'expand'));
    const fields = expand.find((e) => e.name.toLowerCase() === 'fields');
    return fields ? { ...(fields.select ? { select: fields.select } : {}) } : undefined;
  };

  /**
   * One request scans one window of the (ordered) list from where the last page stopped: it answers the
   * matches found there, up to $top, and an @odata.nextLink while items remain unscanned, so a window
   * without a match is an empty page with a nextLink. Tokens are opaque and bound to the query.
   */
  const listItems = (request: ServiceRequest, p: Params) => {
    const { site, list } = listOf(p);
    const filter = parseFilterOption(request.query);
    if (filter) requireDocumentedOperators(filter);
    const order = parseOrderBy(queryOption(request.query, 'orderby'));
    requireIndexed(list, store, [...(filter ? filterPaths(filter) : []), ...order.map((o) => o.path)], request);
    const top = Math.min(parseTop(queryOption(request.query, 'top')) ?? paging.defaultPageSize, paging.maxPageSize);
    const skipToken = queryOption(request.query, 'skiptoken');
    const signature = querySignature(request.query, /^\$?skiptoken$/i);
    const scope = `list:${list.id}`;
    const after =
      skipToken === undefined
        ? undefined
        : paging.tokens.redeem<{ after: unknown[] }>(scope, skipToken, signature, '$skiptoken').after;
    let rows = [...list.items.values()].map((item) => ({ item, view: itemView(item), key: [] as unknown[] }));
    for (const row of rows) row.key = sortKey(row.view, order);
    if (order.length > 0) rows.sort((a, b) => compareKeys(a.key, b.key, order));
    if (after !== undefined) rows = rows.filter((row) => compareKeys(row.key, after, order) > 0);
    const page: typeof rows = [];
    let scanned = 0;
    for (const row of rows) {
      if (scanned >= paging.scanWindow || page.length >= top) break;
      scanned += 1;
      if (!filter || evaluateFilter(filter, (path) => readPath(row.view, path))) page.push(row);
    }
    const select = parseSelect(queryOption(request.query, 'select'));
    const body: Record<string, unknown> = {
      '@odata.context': `${request.serviceRoot}/$metadata#sites('${site.id}')/lists('${list.id}')/items`,
      value: page.map((row) => itemJson(site, list, row.item, fieldsExpansion(request), select)),
    };
    if (scanned < rows.length) {
      const kept = [...request.query]
        .filter(([k]) => !/^\$?skiptoken$/i.test(k))
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
      const token = paging.tokens.issue(scope, signature, { after: rows[scanned - 1]!.key });
      body['@odata.nextLink'] = `${request.serviceRoot}${request.path}?${[...kept, `$skiptoken=${token}`].join('&')}`;
    }
    return json(200, body);
  };

  const lists = (request: ServiceRequest, p: Params) => {
    const site = siteOf(p);
    const filter = parseFilterOption(request.query);
    const expandColumns = parseExpand(queryOption(request.query, 'expand')).some((e) => e.name.toLowerCase() === 'columns');
    const value = site.lists
      .map((l) => listJson(site, l, expandColumns))
      .filter((l) => !filter || evaluateFilter(filter, (path) => readPath(l, path)));
    return json(200, { '@odata.context': `${request.serviceRoot}/$metadata#sites('${site.id}')/lists`, value });
  };

  router
    .add('GET', '/sites/:site', (_request, p) => json(200, siteJson(siteOf(p))))
    .add('GET', '/sites/:site/lists', lists)
    .add('POST', '/sites/:site/lists', (request, p) => {
      const site = siteOf(p);
      const body = objectBody(request.body, 'create list');
      const list = store.createList(site, {
        displayName: body.displayName,
        name: body.name,
        description: body.description,
        template: readPath(body, 'list/template'),
        columns: body.columns,
      });
      return json(201, listJson(site, list, true));
    })
    .add('GET', '/sites/:site/lists/:list', (request, p) => {
      const { site, list } = listOf(p);
      return json(
        200,
        listJson(
          site,
          list,
          parseExpand(queryOption(request.query, 'expand')).some((e) => e.name.toLowerCase() === 'columns'),
        ),
      );
    })
    .add('DELETE', '/sites/:site/lists/:list', (_request, p) => {
      store.deleteList(siteOf(p), p.list!);
      return empty(204);
    })
    .add('GET', '/sites/:site/lists/:list/columns', (request, p) => {
      const { list } = listOf(p);
      return json(200, { '@odata.context': `${request.serviceRoot}/$metadata#columns`, value: list.columns.map(columnJson) });
    })
    .add('POST', '/sites/:site/lists/:list/columns', (request, p) =>
      json(201, columnJson(store.addColumnTo(listOf(p).list, objectBody(request.body, 'create column') as ColumnInput))),
    )
    .add('GET', '/sites/:site/lists/:list/columns/:column', (_request, p) =>
      json(200, columnJson(store.column(listOf(p).list, p.column!))),
    )
    .add('PATCH', '/sites/:site/lists/:list/columns/:column', (request, p) =>
      json(200, columnJson(store.updateColumn(listOf(p).list, p.column!, objectBody(request.body, 'update column')))),
    )
    .add('GET', '/sites/:site/lists/:list/items', listItems)
    .add('POST', '/sites/:site/lists/:list/items', (request, p) => {
      const { site, list } = listOf(p);
      const fields = objectBody(request.body, 'create item').fields;
      const item = store.createItem(list, fields === undefined ? {} : objectBody(fields, 'create item: fields'));
      return json(201, itemJson(site, list, item, {}), { etag: itemETag(item) });
    })
    .add('GET', '/sites/:site/lists/:list/items/:item', (request, p) => {
      const { site, list } = listOf(p);
      const item = store.item(list, p.item!);
      return json(200, itemJson(site, list, item, fieldsExpansion(request), parseSelect(queryOption(request.query, 'select'))), {
        etag: itemETag(item),
      });
    })
    .add('GET', '/sites/:site/lists/:list/items/:item/fields', (request, p) => {
      const item = store.item(listOf(p).list, p.item!);
      return json(200, fieldsJson(item, parseSelect(queryOption(request.query, 'select'))), { etag: itemETag(item) });
    })
    .add('PATCH', '/sites/:site/lists/:list/items/:item/fields', (request, p) => {
      const { list } = listOf(p);
      const item = store.updateItem(list, p.item!, objectBody(request.body, 'update fields'), request.headers['if-match']);
      return json(200, fieldsJson(item), { etag: itemETag(item) });
    })
    .add('DELETE', '/sites/:site/lists/:list/items/:item', (request, p) => {
      store.deleteItem(listOf(p).list, p.item!, request.headers['if-match']);
      return empty(204);
    });
}

/**
 * "/sites/{hostname}:/{server-relative-path}" (optionally followed by ":/lists/...") addresses a site by
 * path; it is rewritten to "/sites/{site-id}..." before routing.
 */
export function rewriteSitePath(store: ListsStore, path: string): string {
  const m = /^\/sites\/([^/:]+):(\/[^:]*?)(?::(\/.*)?)?$/.exec(path);
  if (!m) return path;
  const site = store.siteByPath(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!));
  return `/sites/${site.id}${m[3] ?? ''}`;
}
