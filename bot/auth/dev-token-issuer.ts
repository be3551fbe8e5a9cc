import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../../shared/application/ports';

export interface DevTokenRequest {
  email: string;
  tenantId: string;
  name?: string | undefined;
  objectId?: string | undefined;
}

/** Signs development tokens with a key made at startup; local mode only (never in production). */
export interface DevTokenIssuer {
  issue(request: DevTokenRequest): Promise<string>;
  /** The verifying side of the local key, for the token verifier. */
  readonly keys: JWTVerifyGetKey;
}

export async function createDevTokenIssuer(options: {
  audience: string;
  issuerTemplate: string;
  clock: Clock;
  lifetimeSeconds?: number;
}): Promise<DevTokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'soporte-dev', alg: 'ES256', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [publicJwk] });
  const lifetime = options.lifetimeSeconds ?? 3600;
  return {
    keys,
    async issue(request: DevTokenRequest): Promise<string> {
      const now = Math.floor(options.clock.now().getTime() / 1000);
      return new SignJWT({ tid: request.tenantId, preferred_username: request.email, name: request.name, oid: request.objectId })
        .setProtectedHeader({ alg: 'ES256', kid: 'soporte-dev' })
        .setIssuer(options.issuerTemplate.replace('{tenantid}', request.tenantId))
        .setAudience(options.audience)
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(now + lifetime)
        .sign(privateKey);
    },
  };
}
