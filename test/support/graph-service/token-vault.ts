import { randomBytes } from 'node:crypto';
import { badRequest, GraphHttpError } from './graph-http-error';

interface Entry {
  scope: string;
  /** The request's query without the token: a link must be followed whole, never rebuilt. */
  query: string;
  state: unknown;
  expired: boolean;
}

/** The query options of a request that a token belongs to, normalized ("$top" = "top", any case, any order). */
export function querySignature(query: URLSearchParams, drop: RegExp): string {
  return [...query]
    .filter(([k]) => !drop.test(k))
    .map(([k, v]) => `${k.toLowerCase().replace(/^\$/, '')}=${v}`)
    .sort()
    .join('&');
}

/**
 * Paging and delta tokens as Graph hands them out: opaque (random, not decodable), valid only with the
 * query they were issued for. The state lives here, server side. A scope (a mailbox) can be expired:
 * its tokens then answer 410 syncStateNotFound, as an Outlook sync state dropped from its cache does.
 */
export class TokenVault {
  private readonly entries = new Map<string, Entry>();

  issue(scope: string, query: string, state: object): string {
    const token = randomBytes(24).toString('base64url');
    this.entries.set(token, { scope, query, state: structuredClone(state), expired: false });
    return token;
  }

  redeem<T>(scope: string, token: string, query: string, name: string): T {
    const entry = this.entries.get(token);
    if (!entry || entry.scope !== scope) throw badRequest('BadRequest', `The ${name} '${token.slice(0, 40)}' is not valid.`);
    if (entry.expired) {
      throw new GraphHttpError(
        410,
        'syncStateNotFound',
        'The sync state generation is not found. Please start a new sync (an initial delta request).',
        { location: '' },
      );
    }
    if (entry.query !== query) {
      throw badRequest(
        'BadRequest',
        `The ${name} was issued for another query: follow the whole @odata.nextLink, do not rebuild it.`,
      );
    }
    return structuredClone(entry.state) as T;
  }

  /** Every token of `scope` expires (the next use answers 410). */
  expire(scope: string): number {
    let n = 0;
    for (const entry of this.entries.values()) {
      if (entry.scope === scope && !entry.expired) {
        entry.expired = true;
        n += 1;
      }
    }
    return n;
  }
}
