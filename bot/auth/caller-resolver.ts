import type { Clock, DirectoryStore } from '../../shared/application/ports';
import type { AuthorizedRequester, Client } from '../../shared/domain/requesters';
import { NotAuthorizedError } from '../../shared/domain/common';
import { resolveRequester } from '../../shared/domain/requesters';
import type { Caller } from './caller';
import type { VerifiedIdentity } from './token-verifier';

export interface CallerResolverDeps {
  directory: DirectoryStore;
  clock: Clock;
  /** The partner's own Entra tenant: staff tokens come from it. */
  providerTenantId: string;
  /** The tenant a client's users sign in from (default: its `tenantId`; local mode also names tenant-less clients). */
  tenantOf?: (client: Client) => string | undefined;
}

/**
 * Maps a verified identity to a caller. Staff: a token from the provider tenant whose user is on the
 * active staff list. Requester: tenant id + email of a requester authorized today by the client whose
 * tenant issued the token. Anyone else is refused.
 */
export async function resolveCaller(identity: VerifiedIdentity, deps: CallerResolverDeps): Promise<Caller> {
  if (identity.tenantId === deps.providerTenantId) {
    const staff =
      (identity.objectId ? await deps.directory.findStaffByAadObjectId(identity.objectId) : undefined) ??
      (await deps.directory.findStaffByEmail(identity.email));
    if (staff?.active) {
      return {
        kind: 'staff',
        staff,
        email: identity.email,
        tenantId: identity.tenantId,
        actor: { role: staff.role, id: staff.id, name: staff.name },
      };
    }
  }
  // The client is the one whose tenant issued the token; among that tenant's clients the domain rule picks
  // the record (a person authorized at two of them is refused rather than resolved by the first found).
  const inTenant: AuthorizedRequester[] = [];
  const clients = new Map<string, Client>();
  for (const requester of await deps.directory.findRequestersByEmail(identity.email)) {
    const client = clients.get(requester.clientId) ?? (await deps.directory.getClient(requester.clientId));
    const tenantId = client && (deps.tenantOf ? deps.tenantOf(client) : client.tenantId);
    if (!client || !tenantId || tenantId !== identity.tenantId) continue;
    clients.set(client.id, client);
    inTenant.push(requester);
  }
  const resolved = resolveRequester(inTenant, identity.email, deps.clock.now());
  if (resolved.kind === 'ambiguous') {
    throw new NotAuthorizedError(
      'anonymous',
      'use the support API',
      `${identity.email} is an authorized requester of several clients of tenant ${identity.tenantId} (${resolved.clientIds.join(', ')}): ask the partner to keep one`,
    );
  }
  if (resolved.kind === 'authorized') {
    const { requester } = resolved;
    const client = clients.get(requester.clientId) as Client;
    return {
      kind: 'requester',
      requester,
      client,
      email: identity.email,
      tenantId: identity.tenantId,
      actor: { role: 'requester', id: requester.email, name: requester.name },
    };
  }
  throw new NotAuthorizedError(
    'anonymous',
    'use the support API',
    `${identity.email} is not an authorized requester of a client in tenant ${identity.tenantId}, nor partner staff`,
  );
}
