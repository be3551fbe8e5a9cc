import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { requestUrl } from './request-parts';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The end of the chain: sends the request with the injected fetch (the global fetch by default). */
export class TransportMiddleware implements Middleware {
  constructor(private readonly fetchImpl: FetchLike) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(requestUrl(context), (context.options ?? {}) as RequestInit);
  }
}
