import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { GraphClientMisuseError } from '../graph-errors';
import { requestUrl, setRequestHeader } from './request-parts';

/**
 * Puts `Authorization: Bearer <token>` on every request to the configured Graph origin, with the token from
 * the auth provider (backed by an @azure/identity TokenCredential, which caches and renews tokens itself).
 * A request to any other origin is refused: the token never leaves for a host we were not configured for.
 */
export class AuthMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly authProvider: AuthenticationProvider,
    private readonly origin: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    if (new URL(url).origin !== this.origin) {
      throw new GraphClientMisuseError(
        'url',
        `${url} is outside the configured Graph base URL ${this.origin}; no token is sent there`,
      );
    }
    const token = await this.authProvider.getAccessToken();
    setRequestHeader(context, 'Authorization', `Bearer ${token}`);
    await this.next!.execute(context);
  }
}
