import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { requestUrl } from './request-parts';

/**
 * GraphRequest.parsePath strips the host of an absolute URL only when it starts with "https://". An
 * @odata.nextLink / @odata.deltaLink from an http:// base (the loopback Graph service in tests) would be
 * appended to the base URL instead: ".../v1.0/http://127.0.0.1:PORT/v1.0/users/...". This middleware puts
 * such a doubled URL back to the absolute link it came from, so `client.api(nextLink)` works on both.
 * It only looks at the path (never the query string), and only at links to the configured origin.
 */
export class AbsoluteLinkMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly origin: string) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const embedded = path.indexOf(this.origin + '/', 1);
    if (embedded > 0) context.request = url.slice(embedded);
    await this.next!.execute(context);
  }
}
