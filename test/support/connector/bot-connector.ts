import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the connector. */
export interface ConnectorCall {
  method: 'post' | 'reply' | 'update' | 'create-conversation';
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
}

const ROUTES: Array<{ method: string; pattern: RegExp; kind: ConnectorCall['method'] }> = [
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/?$/, kind: 'post' },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, kind: 'reply' },
  { method: 'PUT', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, kind: 'update' },
  { method: 'POST', pattern: /^\/v3\/conversations\/?$/, kind: 'create-conversation' },
];

/**
 * An in-process Bot Connector on 127.0.0.1: it records every activity the bot posts, replies or
 * updates (what Teams would show), answers with activity ids like the real service, and lets a test
 * wait for a call. Point a conversation reference's serviceUrl at `serviceUrl`.
 */
export class BotConnector {
  readonly calls: ConnectorCall[] = [];
  private counter = 0;
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly serviceUrl: string,
  ) {}

  static async start(): Promise<BotConnector> {
    // The handler runs only after listen, when `connector` exists.
    const server = createServer((req, res) => {
      connector.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const connector = new BotConnector(server, `http://127.0.0.1:${port}/`);
    return connector;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const path = (req.url ?? '').split('?')[0];
    for (const route of ROUTES) {
      const match = route.pattern.exec(path);
      if (req.method !== route.method || !match) continue;
      const activity = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      this.counter += 1;
      const conversationId = route.kind === 'create-conversation' ? `conversation-${this.counter}` : decodeURIComponent(match[1]);
      const activityId = route.kind === 'update' ? decodeURIComponent(match[2]) : `activity-${this.counter}`;
      this.calls.push({ method: route.kind, conversationId, activityId, activity });
      res.writeHead(route.kind === 'update' ? 200 : 201, { 'content-type': 'application/json' });
      res.end(JSON.stringify(route.kind === 'create-conversation' ? { id: conversationId, activityId } : { id: activityId }));
      for (const wake of this.waiters.splice(0)) wake();
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `no route for ${req.method} ${path}` }));
  }

  /** Calls of one kind (and conversation). */
  of(method: ConnectorCall['method'], conversationId?: string): ConnectorCall[] {
    return this.calls.filter((c) => c.method === method && (conversationId === undefined || c.conversationId === conversationId));
  }

  /** Resolves with the first call matching `predicate`, woken by each call (no polling); a loaded machine gets `timeoutMs`. */
  async waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs = 60_000): Promise<ConnectorCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `connector: no matching call within ${timeoutMs} ms (got ${this.calls.map((c) => `${c.method}:${c.conversationId}`).join(', ') || 'none'})`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}
