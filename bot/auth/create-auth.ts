import { createRemoteJWKSet } from 'jose';
import type { Clock, DirectoryStore } from '../../shared/application/ports';
import type { Client } from '../../shared/domain/requesters';
import { createAuthenticator, type Authenticator } from './authenticator';
import { createDevTokenIssuer, type DevTokenIssuer } from './dev-token-issuer';
import { createTokenVerifier, ENTRA_V2_ISSUER_TEMPLATE } from './token-verifier';

export interface AuthSettings {
  mode: 'entra' | 'local';
  nodeEnv: 'development' | 'test' | 'production';
  /** Entra app registration the add-in requests tokens for (entra mode). */
  clientId?: string | undefined;
  /** Its Application ID URI (api://host/clientId), also accepted as audience. */
  applicationIdUri?: string | undefined;
  providerTenantId: string;
  jwksUrl: string;
  issuerTemplate?: string;
}

export const LOCAL_AUDIENCE = 'api://soporte-local';

export interface Auth {
  authenticator: Authenticator;
  devTokens?: DevTokens;
}

/** Local mode's token issuing: the key, and which tenant a staff member or a client's requester signs in from. */
export interface DevTokens {
  issuer: DevTokenIssuer;
  providerTenantId: string;
  tenantOf: (client: Client) => string;
}

/** Local mode gives a client without an Entra tenant id (demo data) a stand-in tenant, so its requesters can sign in. */
export function localTenantOf(client: Client): string {
  return client.tenantId ?? `local-${client.id}`;
}

/** Builds the API's authentication from settings. Local mode (development tokens) is refused in production. */
export async function createAuth(settings: AuthSettings, deps: { directory: DirectoryStore; clock: Clock }): Promise<Auth> {
  const issuerTemplate = settings.issuerTemplate ?? ENTRA_V2_ISSUER_TEMPLATE;
  const resolverDeps = { ...deps, providerTenantId: settings.providerTenantId };
  if (settings.mode === 'local') {
    if (settings.nodeEnv === 'production')
      throw new Error('AUTH_MODE=local (development tokens) is refused in production: set AUTH_MODE=entra');
    const issuer = await createDevTokenIssuer({ audience: LOCAL_AUDIENCE, issuerTemplate, clock: deps.clock });
    const verifier = createTokenVerifier({ keys: issuer.keys, audiences: [LOCAL_AUDIENCE], issuerTemplate, clock: deps.clock });
    return {
      authenticator: createAuthenticator(verifier, { ...resolverDeps, tenantOf: localTenantOf }),
      devTokens: { issuer, providerTenantId: settings.providerTenantId, tenantOf: localTenantOf },
    };
  }
  if (!settings.clientId) throw new Error('AUTH_MODE=entra needs ENTRA_CLIENT_ID');
  const audiences = [settings.clientId, ...(settings.applicationIdUri ? [settings.applicationIdUri] : [])];
  const verifier = createTokenVerifier({
    keys: createRemoteJWKSet(new URL(settings.jwksUrl)),
    audiences,
    issuerTemplate,
    clock: deps.clock,
  });
  return { authenticator: createAuthenticator(verifier, resolverDeps) };
}
