import type { TokenCredential } from '@azure/identity';
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import { GraphClientMisuseError } from './graph-errors';

/** The one scope an app-only Graph client asks for: whatever the app registration was granted. */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** How the app proves who it is to Entra ID; chosen by configuration. */
export type GraphCredentialConfig =
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string; authorityHost?: string }
  | { kind: 'certificate'; tenantId: string; clientId: string; certificatePath: string; authorityHost?: string }
  | { kind: 'managed-identity'; clientId?: string };

function required(config: Record<string, unknown>, field: string): string {
  const value = config[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new GraphClientMisuseError(`credential.${field}`, `is required for a ${String(config.kind)} credential`);
  }
  return value;
}

/** Builds the @azure/identity credential the configuration asks for. Nothing is fetched until a token is needed. */
export function createCredential(config: GraphCredentialConfig): TokenCredential {
  const fields = config as unknown as Record<string, unknown>;
  switch (config.kind) {
    case 'client-secret':
      return new ClientSecretCredential(
        required(fields, 'tenantId'),
        required(fields, 'clientId'),
        required(fields, 'clientSecret'),
        config.authorityHost ? { authorityHost: config.authorityHost } : {},
      );
    case 'certificate':
      return new ClientCertificateCredential(
        required(fields, 'tenantId'),
        required(fields, 'clientId'),
        required(fields, 'certificatePath'),
        config.authorityHost ? { authorityHost: config.authorityHost } : {},
      );
    case 'managed-identity':
      return config.clientId ? new ManagedIdentityCredential({ clientId: config.clientId }) : new ManagedIdentityCredential();
    default:
      throw new GraphClientMisuseError(
        'credential.kind',
        `must be client-secret, certificate or managed-identity (got ${JSON.stringify(fields.kind)})`,
      );
  }
}
