import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphUnreachableError } from '../graph-errors';
import { requestMethod, requestUrl } from './request-parts';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The end of the chain: sends the request with the injected fetch (the global fetch by default); a network failure becomes GraphUnreachableError. */
export class TransportMiddleware implements Middleware {
  constructor(private readonly fetchImpl: FetchLike) {}

  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    try {
      context.response = await this.fetchImpl(url, (context.options ?? {}) as RequestInit);
    } catch (cause) {
      throw new GraphUnreachableError(requestMethod(context), url, cause);
    }
  }
}
