import type { Client } from '@microsoft/microsoft-graph-client';
import { ValidationError } from '../../domain/common';

/**
 * A site given as its Graph id ("contoso.sharepoint.com,<guid>,<guid>") or as its URL
 * ("https://contoso.sharepoint.com/sites/support"): the Graph path that addresses it.
 */
export function sitePath(site: string): string {
  const text = site.trim();
  if (text === '') throw new ValidationError('site', 'is required (a site id or https://<tenant>.sharepoint.com/sites/<name>)');
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch (cause) {
      throw new ValidationError('site', `is not a URL: ${text}`, { cause });
    }
    const path = url.pathname.replace(/\/+$/, '');
    return path === '' ? `/sites/${url.hostname}` : `/sites/${url.hostname}:${path}`;
  }
  if (!/^[^/\s?#]+$/.test(text)) throw new ValidationError('site', `is neither a site id nor a URL: ${text}`);
  return `/sites/${text}`;
}

/** The site's Graph id (one GET). */
export async function resolveSiteId(client: Client, site: string): Promise<string> {
  const found = (await client.api(sitePath(site)).select('id').get()) as { id?: unknown };
  if (typeof found.id !== 'string') throw new Error(`Graph answered no id for site ${site}`);
  return found.id;
}
