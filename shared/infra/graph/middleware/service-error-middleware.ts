import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphServiceError } from '../graph-errors';
import { parseRetryAfterMs } from './retry-after';
import { requestMethod, requestUrl } from './request-parts';

interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: Record<string, string> };
}

/** Turns a refused response (status >= 400, after retries) into a GraphServiceError with Graph's code and request-id. */
export class ServiceErrorMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly nowMs: () => number) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    await this.next!.execute(context);
    const response = context.response;
    if (!response || response.ok || response.status < 400) return;
    const text = await response.text();
    let parsed: GraphErrorBody | undefined;
    try {
      parsed = JSON.parse(text) as GraphErrorBody;
    } catch (cause) {
      parsed = { error: { code: 'unparsableErrorBody', message: `${text.slice(0, 200)} (${String(cause)})` } };
    }
    const inner = parsed?.error?.innerError ?? {};
    const retryAfterMs = parseRetryAfterMs(response.headers.get('Retry-After'), this.nowMs());
    throw new GraphServiceError({
      status: response.status,
      code: parsed?.error?.code ?? `http${response.status}`,
      message: parsed?.error?.message ?? response.statusText,
      requestId: inner['request-id'] ?? response.headers.get('request-id') ?? undefined,
      clientRequestId: inner['client-request-id'] ?? response.headers.get('client-request-id') ?? undefined,
      date: inner.date,
      retryAfterSeconds: retryAfterMs === undefined ? undefined : retryAfterMs / 1000,
      method: requestMethod(context),
      url: requestUrl(context),
      body: parsed,
    });
  }
}
