import type { TokenCredential } from '@azure/identity';
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { GRAPH_DEFAULT_SCOPE } from './credential';
import { GraphClientMisuseError } from './graph-errors';
import { AbsoluteLinkMiddleware } from './middleware/absolute-link-middleware';
import { AuthMiddleware } from './middleware/auth-middleware';
import { DEFAULT_RETRY_OPTIONS, RetryMiddleware, type RetryEvent, type RetryOptions } from './middleware/retry-middleware';
import { ServiceErrorMiddleware } from './middleware/service-error-middleware';
import { TransportMiddleware, type FetchLike } from './middleware/transport-middleware';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com';

export interface GraphClientOptions {
  /** Where tokens come from: createCredential(config) in production, a static token credential in tests. */
  credential: TokenCredential;
  /** Graph's origin. Default https://graph.microsoft.com; tests point it at the loopback Graph service. */
  baseUrl?: string;
  /** API version segment. Default v1.0. */
  version?: 'v1.0' | 'beta';
  scopes?: string[];
  retry?: Partial<RetryOptions>;
  onRetry?: (event: RetryEvent) => void;
  /** The transport. Default: the global fetch. */
  fetch?: FetchLike;
  /** Injected waiting and clock (Retry-After HTTP dates); defaults: setTimeout and Date.now. */
  sleep?: (ms: number) => Promise<void>;
  nowMs?: () => number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function graphOrigin(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (cause) {
    throw new GraphClientMisuseError('baseUrl', `is not a URL: ${JSON.stringify(baseUrl)} (${String(cause)})`);
  }
  if (url.pathname !== '/' || url.search !== '')
    throw new GraphClientMisuseError('baseUrl', `must be an origin only, like ${GRAPH_BASE_URL} (got ${baseUrl})`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new GraphClientMisuseError(
      'baseUrl',
      `must be https (plain http is allowed for loopback test services only; got ${baseUrl})`,
    );
  }
  return url.origin;
}

function retryOptions(partial: Partial<RetryOptions> | undefined): RetryOptions {
  const options = { ...DEFAULT_RETRY_OPTIONS, ...partial };
  for (const [field, value] of Object.entries(options)) {
    if (!Number.isFinite(value) || value < 0)
      throw new GraphClientMisuseError(`retry.${field}`, `must be a non-negative number (got ${value})`);
  }
  if (options.maxAttempts < 1 || !Number.isInteger(options.maxAttempts))
    throw new GraphClientMisuseError('retry.maxAttempts', `must be an integer >= 1 (got ${options.maxAttempts})`);
  return options;
}

/**
 * A real @microsoft/microsoft-graph-client Client with an explicit middleware chain:
 *   absolute links -> service errors -> retry (429/503/504, Retry-After) -> auth (TokenCredential) -> transport.
 * Refusals reach the caller as GraphServiceError; our own mistakes as GraphClientMisuseError.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  if (!options.credential || typeof options.credential.getToken !== 'function') {
    throw new GraphClientMisuseError('credential', 'must be an @azure/identity TokenCredential');
  }
  const origin = graphOrigin(options.baseUrl ?? GRAPH_BASE_URL);
  const nowMs = options.nowMs ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const authProvider = new TokenCredentialAuthenticationProvider(options.credential, {
    scopes: options.scopes ?? [GRAPH_DEFAULT_SCOPE],
  });
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  return Client.initWithMiddleware({
    baseUrl: origin,
    defaultVersion: options.version ?? 'v1.0',
    middleware: [
      new AbsoluteLinkMiddleware(origin),
      new ServiceErrorMiddleware(nowMs),
      new RetryMiddleware(retryOptions(options.retry), {
        sleep,
        nowMs,
        ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      }),
      new AuthMiddleware(authProvider, origin),
      new TransportMiddleware(fetchImpl),
    ],
  });
}
