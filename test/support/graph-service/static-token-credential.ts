import type { AccessToken, TokenCredential } from '@azure/identity';

/** A TokenCredential that always answers the same token: tests use it against the loopback Graph service (no network). */
export function staticTokenCredential(token: string, lifetimeMs = 3_600_000): TokenCredential & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async getToken(scopes: string | string[]): Promise<AccessToken> {
      calls.push(Array.isArray(scopes) ? scopes : [scopes]);
      return { token, expiresOnTimestamp: Date.now() + lifetimeMs };
    },
  };
}
