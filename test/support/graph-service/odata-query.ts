import { badRequest } from './graph-http-error';
import { parseFilter, type FilterNode } from './odata-filter';

/** A system query option, given as "$name" or (as Graph also accepts) "name", any case. */
export function queryOption(query: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of query) {
    const k = key.toLowerCase();
    if (k === `$${name}` || k === name) return value;
  }
  return undefined;
}

export function parseSelect(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function parseTop(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw badRequest('BadRequest', `Invalid $top value '${text}': it must be an integer of at least 1.`);
  return n;
}

export function parseSkip(text: string | undefined): number {
  if (text === undefined) return 0;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw badRequest('BadRequest', `Invalid $skip value '${text}'.`);
  return n;
}

export interface OrderBy {
  path: string;
  descending: boolean;
}

export function parseOrderBy(text: string | undefined): OrderBy[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((part) => {
    const [path, direction, extra] = part.trim().split(/\s+/);
    const dir = (direction ?? 'asc').toLowerCase();
    if (!path || extra !== undefined || (dir !== 'asc' && dir !== 'desc'))
      throw badRequest('BadRequest', `Invalid $orderby clause '${part}'.`);
    return { path, descending: dir === 'desc' };
  });
}

export interface Expansion {
  name: string;
  select?: string[];
}

/** "$expand=fields" or "fields($select=A,B)" (also "fields(select=A,B)"). */
export function parseExpand(text: string | undefined): Expansion[] {
  if (text === undefined || text.trim() === '') return [];
  const out: Expansion[] = [];
  const re = /\s*([A-Za-z_]+)\s*(?:\(([^)]*)\))?\s*(,|$)/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text)) !== null) {
    const expansion: Expansion = { name: m[1]! };
    if (m[2] !== undefined) {
      const select = /^\s*\$?select\s*=\s*(.*)$/i.exec(m[2]);
      if (!select) throw badRequest('BadRequest', `Only $select is supported inside $expand=${m[1]}(...) (got '${m[2]}').`);
      const fields = parseSelect(select[1]);
      if (fields) expansion.select = fields;
    }
    out.push(expansion);
    if (m[3] === '') break;
  }
  if (out.length === 0) throw badRequest('BadRequest', `Invalid $expand clause '${text}'.`);
  return out;
}

export function parseFilterOption(query: URLSearchParams): FilterNode | undefined {
  const text = queryOption(query, 'filter');
  return text === undefined || text.trim() === '' ? undefined : parseFilter(text);
}

/** The values of a Prefer header (comma separated), lower-cased for comparison. */
export function preferences(headers: Record<string, string>): string[] {
  return (headers.prefer ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Prefer: odata.maxpagesize=N, when sent. */
export function preferredPageSize(headers: Record<string, string>): number | undefined {
  for (const p of preferences(headers)) {
    const m = /^odata\.maxpagesize\s*=\s*(\d+)$/i.exec(p);
    if (m) return Math.max(1, Number(m[1]));
  }
  return undefined;
}
