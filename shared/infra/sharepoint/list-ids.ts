import type { Client } from '@microsoft/microsoft-graph-client';
import { LISTS, type ListKey } from './list-schema';

export type ListIds = Record<ListKey, string>;

export interface SiteList {
  id: string;
  name: string;
  displayName: string;
}

/** Every list of the site (one request per page), with `expand` passed through (e.g. "columns"). */
export async function siteLists<T extends SiteList>(client: Client, siteId: string, expand?: string): Promise<T[]> {
  const lists: T[] = [];
  const first = client.api(`/sites/${siteId}/lists`);
  let page = (await (expand ? first.expand(expand) : first.select('id,name,displayName')).get()) as {
    value: T[];
    '@odata.nextLink'?: string;
  };
  lists.push(...page.value);
  while (page['@odata.nextLink']) {
    page = (await client.api(page['@odata.nextLink']).get()) as typeof page;
    lists.push(...page.value);
  }
  return lists;
}

/** The Soporte list among `lists` (matched by name or title, ignoring case). */
export function findList<T extends SiteList>(lists: T[], name: string): T | undefined {
  const wanted = name.toLowerCase();
  return lists.find((l) => l.name.toLowerCase() === wanted || l.displayName.toLowerCase() === wanted);
}

/** The ids of the store's lists on the site; undefined names the lists missing. */
export async function resolveListIds(client: Client, siteId: string): Promise<{ ids?: ListIds; missing: string[] }> {
  const lists = await siteLists(client, siteId);
  const ids: Partial<ListIds> = {};
  const missing: string[] = [];
  for (const [key, spec] of Object.entries(LISTS) as Array<[ListKey, (typeof LISTS)[ListKey]]>) {
    const found = findList(lists, spec.name);
    if (found) ids[key] = found.id;
    else missing.push(spec.name);
  }
  return missing.length > 0 ? { missing } : { ids: ids as ListIds, missing };
}
