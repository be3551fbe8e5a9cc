import { badRequest, GraphHttpError, notFound } from './graph-http-error';
import { graphInstant, guid } from './ids';
import type { ColumnType, StoredColumn, StoredItem, StoredList, StoredSite } from './lists-types';
import type { ServiceClock } from './service-types';

const COLUMN_TYPES: ColumnType[] = ['text', 'number', 'dateTime', 'boolean', 'choice'];
/** Fields SharePoint keeps itself: readable, filterable by id, never writable. */
export const SYSTEM_FIELDS = [
  'id',
  'ID',
  'Created',
  'Modified',
  'ContentType',
  '_UIVersionString',
  'Attachments',
  'AuthorLookupId',
  'EditorLookupId',
];
const DEFAULT_TEXT_MAX_LENGTH = 255;
const MULTILINE_TEXT_MAX_LENGTH = 63_999;

export interface ColumnInput {
  name?: unknown;
  displayName?: unknown;
  description?: unknown;
  indexed?: unknown;
  required?: unknown;
  enforceUniqueValues?: unknown;
  hidden?: unknown;
  [facet: string]: unknown;
}

function column(input: ColumnInput): StoredColumn {
  const name = input.name;
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name)) {
    throw badRequest(
      'invalidRequest',
      `Invalid column name ${JSON.stringify(name)}: use letters, digits and _ (32 at most), starting with a letter.`,
    );
  }
  const types = COLUMN_TYPES.filter((t) => input[t] !== undefined);
  if (types.length !== 1)
    throw badRequest(
      'invalidRequest',
      `Column '${name}' needs exactly one type facet of ${COLUMN_TYPES.join(', ')} (got ${types.length}).`,
    );
  const type = types[0]!;
  const facet = (input[type] ?? {}) as Record<string, unknown>;
  if (type === 'choice' && (!Array.isArray(facet.choices) || facet.choices.length === 0))
    throw badRequest('invalidRequest', `Choice column '${name}' needs choice.choices.`);
  const unique = input.enforceUniqueValues === true;
  return {
    id: guid(),
    name,
    displayName: typeof input.displayName === 'string' ? input.displayName : name,
    description: typeof input.description === 'string' ? input.description : '',
    type,
    facet,
    // SharePoint indexes a column when it is made unique.
    indexed: input.indexed === true || unique,
    required: input.required === true,
    enforceUniqueValues: unique,
    readOnly: false,
    hidden: input.hidden === true,
  };
}

const titleColumn = (): StoredColumn => ({
  id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
  name: 'Title',
  displayName: 'Title',
  description: '',
  type: 'text',
  facet: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  indexed: false,
  required: false,
  enforceUniqueValues: false,
  readOnly: false,
  hidden: false,
});

/** Normalizes one written value to its column's type, or refuses it naming the field. */
function fieldValue(col: StoredColumn, value: unknown): unknown {
  if (value === null) return null;
  const wrong = (expected: string) =>
    badRequest('invalidRequest', `Field '${col.name}' expects ${expected} (got ${JSON.stringify(value)}).`);
  switch (col.type) {
    case 'text': {
      if (typeof value !== 'string') throw wrong('a string');
      const max =
        typeof col.facet.maxLength === 'number'
          ? col.facet.maxLength
          : col.facet.allowMultipleLines
            ? MULTILINE_TEXT_MAX_LENGTH
            : DEFAULT_TEXT_MAX_LENGTH;
      if (value.length > max)
        throw badRequest('invalidRequest', `Field '${col.name}' is longer than its maximum of ${max} characters.`);
      return value;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a number');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong('true or false');
      return value;
    case 'dateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw wrong('an ISO 8601 date-time string');
      return graphInstant(new Date(value));
    }
    case 'choice':
      if (typeof value !== 'string' || !(col.facet.choices as unknown[]).includes(value))
        throw wrong(`one of ${JSON.stringify(col.facet.choices)}`);
      return value;
  }
}

/** listitem-delta.md: a quoted "{GUID},version" ("{12AD05BB-59B8-43AA-9456-77C44E9BC066},756"). */
export function itemETag(item: StoredItem): string {
  return `"{${item.uniqueId.toUpperCase()}},${item.version}"`;
}

function checkIfMatch(item: StoredItem, ifMatch: string | undefined): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  // errors.md: malformedEntityTag, "ETags must be quoted strings".
  if (!/^(W\/)?".*"$/.test(ifMatch.trim()))
    throw badRequest('malformedEntityTag', `ETags must be quoted strings (got ${ifMatch}).`);
  const given = ifMatch.trim().replace(/^W\//, '');
  if (given !== itemETag(item)) {
    throw new GraphHttpError(
      412,
      'preconditionFailed',
      `The request ETag value '${ifMatch}' does not match the object's ETag value '${itemETag(item)}'.`,
    );
  }
}

/**
 * How a duplicate value in a unique column is refused. Graph does not document it: seen in the field are
 * 409, 400 and 500 with a generic body. 'rotate' (the default) answers 409, 400, 500, 409... in turn, so
 * every caller meets each; a test may pin one.
 */
export type UniqueViolation = 409 | 400 | 500 | 'rotate';

const UNIQUE_ANSWERS: Record<409 | 400 | 500, [string, (column: string) => string]> = {
  409: [
    'nameAlreadyExists',
    (c) =>
      `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: ${c}.`,
  ],
  400: ['invalidRequest', () => 'Invalid request'],
  500: ['generalException', () => 'General exception while processing'],
};

/** Sites, their lists, columns and items: the SharePoint side of the Graph service. */
export class ListsStore {
  private readonly sites: StoredSite[] = [];
  private duplicates = 0;

  constructor(
    private readonly clock: ServiceClock,
    private readonly uniqueViolation: UniqueViolation = 'rotate',
  ) {}

  private duplicateRefusal(column: string): GraphHttpError {
    const cycle = [409, 400, 500] as const;
    const status = this.uniqueViolation === 'rotate' ? cycle[this.duplicates++ % cycle.length]! : this.uniqueViolation;
    const [code, message] = UNIQUE_ANSWERS[status];
    return new GraphHttpError(status, code, message(column));
  }

  private now(): string {
    return graphInstant(this.clock());
  }

  /** Test API: a site collection, addressable as /sites/{hostname}:/{path} and /sites/{id}. */
  addSite(input: { hostname: string; path: string; displayName?: string }): { id: string; webUrl: string } {
    const path = `/${input.path.replace(/^\/+|\/+$/g, '')}`;
    const site: StoredSite = {
      id: `${input.hostname},${guid()},${guid()}`,
      hostname: input.hostname,
      path,
      name: path.split('/').pop() ?? '',
      displayName: input.displayName ?? path.split('/').pop() ?? input.hostname,
      createdDateTime: this.now(),
      lists: [],
    };
    this.sites.push(site);
    return { id: site.id, webUrl: `https://${site.hostname}${site.path}` };
  }

  site(key: string): StoredSite {
    const k = key.toLowerCase();
    const found = this.sites.find((s) => s.id.toLowerCase() === k || s.id.split(',')[1] === k);
    if (!found) throw notFound('itemNotFound', 'Requested site could not be found');
    return found;
  }

  siteByPath(hostname: string, path: string): StoredSite {
    const p = `/${path.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
    const found = this.sites.find((s) => s.hostname.toLowerCase() === hostname.toLowerCase() && s.path.toLowerCase() === p);
    if (!found) throw notFound('itemNotFound', 'Requested site could not be found');
    return found;
  }

  /** A list by id, name or display name (Graph accepts the title in place of the id). */
  list(site: StoredSite, key: string): StoredList {
    const k = key.toLowerCase();
    const found = site.lists.find((l) => l.id === k || l.name.toLowerCase() === k || l.displayName.toLowerCase() === k);
    if (!found) throw notFound('itemNotFound', 'The specified list was not found');
    return found;
  }

  createList(
    site: StoredSite,
    input: { displayName: unknown; name?: unknown; description?: unknown; template?: unknown; columns?: unknown },
  ): StoredList {
    if (typeof input.displayName !== 'string' || input.displayName.trim() === '')
      throw badRequest('invalidRequest', 'displayName is required to create a list.');
    const name = typeof input.name === 'string' ? input.name : input.displayName.replace(/[^A-Za-z0-9_]/g, '');
    if (
      site.lists.some(
        (l) =>
          l.displayName.toLowerCase() === (input.displayName as string).toLowerCase() ||
          l.name.toLowerCase() === name.toLowerCase(),
      )
    ) {
      throw new GraphHttpError(
        409,
        'nameAlreadyExists',
        `A list, survey, discussion board, or document library with the specified title already exists in this Web site. Title: ${input.displayName}`,
      );
    }
    const template = input.template ?? 'genericList';
    if (template !== 'genericList')
      throw badRequest(
        'invalidRequest',
        `Only list.template genericList is supported by this service (got ${JSON.stringify(template)}).`,
      );
    const now = this.now();
    const list: StoredList = {
      id: guid(),
      name,
      displayName: input.displayName,
      description: typeof input.description === 'string' ? input.description : '',
      template,
      columns: [titleColumn()],
      items: new Map(),
      nextItemId: 1,
      createdDateTime: now,
      lastModifiedDateTime: now,
    };
    if (input.columns !== undefined && !Array.isArray(input.columns))
      throw badRequest('invalidRequest', 'columns must be an array of columnDefinition.');
    for (const c of (input.columns as ColumnInput[] | undefined) ?? []) this.addColumnTo(list, c);
    site.lists.push(list);
    return list;
  }

  deleteList(site: StoredSite, key: string): void {
    const list = this.list(site, key);
    site.lists.splice(site.lists.indexOf(list), 1);
  }

  addColumnTo(list: StoredList, input: ColumnInput): StoredColumn {
    const col = column(input);
    if (
      list.columns.some((c) => c.name.toLowerCase() === col.name.toLowerCase()) ||
      SYSTEM_FIELDS.some((f) => f.toLowerCase() === col.name.toLowerCase())
    ) {
      throw new GraphHttpError(409, 'nameAlreadyExists', `A column named '${col.name}' already exists in this list.`);
    }
    list.columns.push(col);
    list.lastModifiedDateTime = this.now();
    return col;
  }

  column(list: StoredList, key: string): StoredColumn {
    const k = key.toLowerCase();
    const found = list.columns.find((c) => c.id === k || c.name.toLowerCase() === k);
    if (!found) throw notFound('itemNotFound', `Column '${key}' does not exist.`);
    return found;
  }

  updateColumn(list: StoredList, key: string, patch: Record<string, unknown>): StoredColumn {
    const col = this.column(list, key);
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'indexed' || k === 'required' || k === 'hidden' || k === 'enforceUniqueValues') {
        if (typeof v !== 'boolean') throw badRequest('invalidRequest', `${k} must be a boolean.`);
        col[k] = v;
      } else if (k === 'displayName' || k === 'description') {
        col[k] = String(v);
      } else {
        throw badRequest('invalidRequest', `Column property '${k}' cannot be changed by this service.`);
      }
    }
    if (col.enforceUniqueValues) col.indexed = true;
    return col;
  }

  /** The column a field name refers to, or a 400 "not recognized" as SharePoint answers. */
  fieldColumn(list: StoredList, field: string): StoredColumn {
    const found = list.columns.find((c) => c.name === field);
    if (!found) throw badRequest('invalidRequest', `Field '${field}' is not recognized`);
    return found;
  }

  private writeFields(list: StoredList, item: StoredItem, fields: Record<string, unknown>): void {
    const next = { ...item.fields };
    for (const [name, value] of Object.entries(fields)) {
      if (name === '@odata.etag') continue;
      if (SYSTEM_FIELDS.includes(name)) throw badRequest('invalidRequest', `Field '${name}' is read-only`);
      const col = this.fieldColumn(list, name);
      const normalized = fieldValue(col, value);
      if (normalized === null) delete next[name];
      else next[name] = normalized;
    }
    for (const col of list.columns) {
      if (col.required && (next[col.name] === undefined || next[col.name] === ''))
        throw badRequest('invalidRequest', `Field '${col.name}' is required.`);
      if (col.enforceUniqueValues && next[col.name] !== undefined) {
        const clash = [...list.items.values()].find((other) => other.id !== item.id && other.fields[col.name] === next[col.name]);
        if (clash) throw this.duplicateRefusal(col.name);
      }
    }
    item.fields = next;
  }

  createItem(list: StoredList, fields: Record<string, unknown>): StoredItem {
    const now = this.now();
    const item: StoredItem = {
      id: list.nextItemId,
      uniqueId: guid(),
      version: 1,
      fields: {},
      createdDateTime: now,
      lastModifiedDateTime: now,
    };
    this.writeFields(list, item, fields);
    list.nextItemId += 1;
    list.items.set(item.id, item);
    return item;
  }

  item(list: StoredList, id: string): StoredItem {
    const found = /^\d+$/.test(id) ? list.items.get(Number(id)) : undefined;
    if (!found) throw notFound('itemNotFound', 'Item not found');
    return found;
  }

  updateItem(list: StoredList, id: string, fields: Record<string, unknown>, ifMatch: string | undefined): StoredItem {
    const item = this.item(list, id);
    checkIfMatch(item, ifMatch);
    this.writeFields(list, item, fields);
    item.version += 1;
    item.lastModifiedDateTime = this.now();
    return item;
  }

  deleteItem(list: StoredList, id: string, ifMatch: string | undefined): void {
    const item = this.item(list, id);
    checkIfMatch(item, ifMatch);
    list.items.delete(item.id);
  }

  // ---- test API ---------------------------------------------------------------------------------------

  /** The items of a list, as { id, eTag, fields } copies, in id order. */
  items(siteKey: string, listKey: string): Array<{ id: string; eTag: string; fields: Record<string, unknown> }> {
    const list = this.list(this.site(siteKey), listKey);
    return [...list.items.values()]
      .sort((a, b) => a.id - b.id)
      .map((i) => ({ id: String(i.id), eTag: itemETag(i), fields: structuredClone(i.fields) }));
  }

  /**
   * Puts `count` items straight into a list (no HTTP, no per-item unique check: `fields(i)` must give
   * unique values where the list wants them). For filling lists past the scan window quickly.
   */
  fill(siteKey: string, listKey: string, count: number, fields: (i: number) => Record<string, unknown>): void {
    const list = this.list(this.site(siteKey), listKey);
    const now = this.now();
    for (let i = 0; i < count; i++) {
      const id = list.nextItemId++;
      list.items.set(id, {
        id,
        uniqueId: guid(),
        version: 1,
        fields: fields(i),
        createdDateTime: now,
        lastModifiedDateTime: now,
      });
    }
  }

  /** Columns of a list as stored (to check provisioning). */
  columns(siteKey: string, listKey: string): StoredColumn[] {
    return structuredClone(this.list(this.site(siteKey), listKey).columns);
  }
}
