import type { TokenProvider } from './token-provider';

/** Local mode: asks the server's development token route for a token for the Outlook user's address. */
export function createDevTokenProvider(options: { apiBase: string; email: string; fetch: typeof fetch }): TokenProvider {
  let cached: string | undefined;
  return {
    async getToken() {
      if (cached) return cached;
      const res = await options.fetch(`${options.apiBase}/api/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: options.email }),
      });
      if (!res.ok) throw new Error(`development token refused (${res.status})`);
      cached = ((await res.json()) as { token: string }).token;
      return cached;
    },
  };
}
