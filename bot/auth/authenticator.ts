import type { Caller } from './caller';
import { resolveCaller, type CallerResolverDeps } from './caller-resolver';
import { AuthenticationError } from './authentication-error';
import type { TokenVerifier } from './token-verifier';

export interface Authenticator {
  /** The caller behind an `Authorization: Bearer ...` header; 401 (AuthenticationError) or 403 otherwise. */
  authenticate(authorizationHeader: string | undefined): Promise<Caller>;
}

export function createAuthenticator(verifier: TokenVerifier, deps: CallerResolverDeps): Authenticator {
  return {
    async authenticate(authorizationHeader) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorizationHeader ?? '');
      if (!match) throw new AuthenticationError('an "Authorization: Bearer <token>" header is required');
      const identity = await verifier.verify(match[1]);
      return resolveCaller(identity, deps);
    },
  };
}
