import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient, type GraphClientOptions } from '../../../shared/infra/graph';
import { batchHandler } from './batch-route';
import { FaultInjector } from './fault-injector';
import { errorResponse, GraphHttpError } from './graph-http-error';
import {
  addListsRoutes,
  LIST_ITEMS_DEFAULT_PAGE_SIZE,
  LIST_ITEMS_MAX_PAGE_SIZE,
  LIST_SCAN_WINDOW,
  rewriteSitePath,
} from './lists-routes';
import { ListsStore, type UniqueViolation } from './lists-store';
import { addMailRoutes } from './mail-routes';
import { MailStore } from './mail-store';
import { RequestCounter } from './request-counter';
import { Router } from './router';
import type { ServiceClock, ServiceRequest, ServiceResponse } from './service-types';
import { staticTokenCredential } from './static-token-credential';
import { SubscriptionHub } from './subscriptions';
import { TokenVault } from './token-vault';

export const DEFAULT_TEST_TOKEN = 'graph-service-test-token';

export interface GraphServiceOptions {
  /** The bearer token the service accepts. Default DEFAULT_TEST_TOKEN. */
  token?: string;
  /** Time of the service (item timestamps, sent mail). Default: the real clock. */
  clock?: ServiceClock;
  /** List items served when no $top is given (default 200, as SharePoint serves). */
  listItemsDefaultPageSize?: number;
  /** Largest list items page (default 5000, SharePoint's list view threshold); a larger $top is capped. */
  listItemsMaxPageSize?: number;
  /** Items one list-item request scans (default LIST_SCAN_WINDOW, 5,000): past it, pages may be empty with a nextLink. */
  listScanWindow?: number;
  /** Status of a duplicate in a unique column (undocumented): default 'rotate' (409, 400, 500 in turn). */
  uniqueViolation?: UniqueViolation;
  /** Delay before a sent message's Sent Items copy appears (default SENT_ITEMS_DELAY_MS; 0 = at once, a leniency). */
  sentItemsDelayMs?: number;
}

export interface GraphService {
  /** "http://127.0.0.1:PORT": pass as createGraphClient({ baseUrl }). */
  readonly baseUrl: string;
  readonly token: string;
  readonly mail: MailStore;
  /** SharePoint sites, lists, columns and items (test API: addSite, items, columns). */
  readonly sharepoint: ListsStore;
  /** Mail change notifications: list(), deliveries, flush() (wait for pending notifications). */
  readonly subscriptions: SubscriptionHub;
  readonly faults: FaultInjector;
  readonly requests: RequestCounter;
  /** A real Graph SDK client from createGraphClient, pointed here, with a static token and fast retries. */
  client(overrides?: Partial<GraphClientOptions>): Client;
  close(): Promise<void>;
}

const VERSIONS = ['v1.0', 'beta'];

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function write(res: ServerResponse, response: ServiceResponse): void {
  const headers = { ...(response.headers ?? {}) };
  let payload: Buffer | undefined;
  if (response.body !== undefined) {
    payload = Buffer.isBuffer(response.body)
      ? response.body
      : Buffer.from(typeof response.body === 'string' ? response.body : JSON.stringify(response.body), 'utf8');
    headers['content-length'] = String(payload.length);
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

/**
 * Starts the in-process Microsoft Graph service on 127.0.0.1 (a free port). Close it after the test.
 *   const graph = await startGraphService();
 *   const client = graph.client();            // real SDK client via createGraphClient
 *   graph.mail.addMailbox({ userPrincipalName: 'support@contoso.test' });
 */
export async function startGraphService(options: GraphServiceOptions = {}): Promise<GraphService> {
  const clock = options.clock ?? (() => new Date());
  const token = options.token ?? DEFAULT_TEST_TOKEN;
  const mail = new MailStore(clock);
  if (options.sentItemsDelayMs !== undefined) mail.sentItemsDelayMs = options.sentItemsDelayMs;
  const faults = new FaultInjector();
  const requests = new RequestCounter();
  const router = new Router();
  const sharepoint = new ListsStore(clock, options.uniqueViolation);
  addMailRoutes(router, mail, clock);
  const subscriptions = new SubscriptionHub(mail, clock);
  subscriptions.addRoutes(router);
  addListsRoutes(router, sharepoint, {
    defaultPageSize: options.listItemsDefaultPageSize ?? LIST_ITEMS_DEFAULT_PAGE_SIZE,
    maxPageSize: options.listItemsMaxPageSize ?? LIST_ITEMS_MAX_PAGE_SIZE,
    scanWindow: options.listScanWindow ?? LIST_SCAN_WINDOW,
    tokens: new TokenVault(),
  });

  const handle = async (request: ServiceRequest): Promise<ServiceResponse> => {
    let response = faults.take(request.method, request.path, request.inBatch, clock());
    if (!response) {
      try {
        response = await router.dispatch({ ...request, path: rewriteSitePath(sharepoint, request.path) });
      } catch (error) {
        if (!(error instanceof GraphHttpError)) throw error;
        response = errorResponse(error.status, error.code, error.message, clock(), error.headers);
      }
    }
    const query = request.query.toString();
    requests.record({
      method: request.method,
      path: request.path,
      inBatch: request.inBatch,
      status: response.status,
      ...(query ? { query: decodeURIComponent(query) } : {}),
    });
    return response;
  };
  router.add('POST', '/$batch', batchHandler(handle, clock));

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = req.headers.host ?? '127.0.0.1';
    const url = new URL(req.url ?? '/', `http://${host}`);
    const [, version = '', ...rest] = url.pathname.split('/');
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = lowerHeaders(req);
    const raw = await readBody(req);
    if (!VERSIONS.includes(version)) {
      write(res, errorResponse(400, 'BadRequest', `Invalid version: '${version}'. Use v1.0 or beta.`, clock()));
      return;
    }
    if (!/^Bearer \S+$/i.test(headers.authorization ?? '')) {
      requests.record({ method, path: `/${rest.join('/')}`, inBatch: false, status: 401 });
      write(res, errorResponse(401, 'InvalidAuthenticationToken', 'Access token is empty.', clock()));
      return;
    }
    if (headers.authorization!.slice(7) !== token) {
      requests.record({ method, path: `/${rest.join('/')}`, inBatch: false, status: 401 });
      write(res, errorResponse(401, 'InvalidAuthenticationToken', 'Access token validation failure.', clock()));
      return;
    }
    let body: unknown;
    if (raw.length > 0) {
      if (/json/i.test(headers['content-type'] ?? 'application/json')) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch (error) {
          write(res, errorResponse(400, 'BadRequest', `Unable to read JSON request payload. ${String(error)}`, clock()));
          return;
        }
      } else {
        body = raw.toString('utf8');
      }
    }
    const response = await handle({
      method,
      path: `/${rest.join('/')}`,
      query: url.searchParams,
      headers,
      body,
      serviceRoot: `http://${host}/${version}`,
      inBatch: false,
    });
    write(res, response);
  };

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      // A bug in the service itself: answer 500 in Graph's shape and say what broke.
      write(
        res,
        errorResponse(
          500,
          'generalException',
          `Graph test service failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          clock(),
        ),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    token,
    mail,
    sharepoint,
    subscriptions,
    faults,
    requests,
    client: (overrides = {}) =>
      createGraphClient({
        credential: staticTokenCredential(token),
        baseUrl,
        retry: { baseDelayMs: 10, maxDelayMs: 100 },
        ...overrides,
      }),
    close: async () => {
      mail.dropDeferred();
      subscriptions.stop();
      await subscriptions.flush();
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
