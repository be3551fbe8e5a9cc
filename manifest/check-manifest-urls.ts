/** Fetches a URL (the global fetch by default; tests route it to a local server). */
export type UrlFetcher = (url: string, init: RequestInit) => Promise<Response>;

/** Every page, icon and link URL a rendered manifest names (not schema ids or namespaces), once each. */
export function manifestUrls(teamsManifest: Record<string, unknown>, outlookXml: string): string[] {
  const urls = new Set<string>();
  const walk = (node: unknown, key: string): void => {
    if (typeof node === 'string') {
      if (key !== '$schema' && node.startsWith('https://')) urls.add(node);
    } else if (Array.isArray(node)) {
      node.forEach((item) => walk(item, key));
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, k);
    }
  };
  walk(teamsManifest, '');
  for (const match of outlookXml.matchAll(/DefaultValue="(https:\/\/[^"]+)"/g)) urls.add(match[1]!.replace(/&amp;/g, '&'));
  return [...urls];
}

/**
 * GETs each URL (following redirects) and returns one line per URL that answers with an error status or
 * does not answer within `timeoutMs`; empty when every URL works.
 */
export async function brokenUrls(urls: string[], fetcher: UrlFetcher = fetch, timeoutMs = 15_000): Promise<string[]> {
  const results = await Promise.all(
    urls.map(async (url) => {
      try {
        const response = await fetcher(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
        return response.ok ? undefined : `${url} answers HTTP ${response.status}`;
      } catch (error) {
        return `${url} does not answer (${error instanceof Error ? error.message : String(error)})`;
      }
    }),
  );
  return results.filter((line): line is string => line !== undefined);
}
