import type { Clock, DirectoryStore } from '../../shared/application/ports';
import type { Client } from '../../shared/domain/requesters/directory-types';
import { NotAuthorizedError } from '../../shared/domain/errors';
import { isActiveAt } from '../../shared/application/requester-access';
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
    const staff = (identity.objectId ? await deps.directory.findStaffByAadObjectId(identity.objectId) : undefined) ?? (await deps.directory.findStaffByEmail(identity.email));
    if (staff?.active) {
      return { kind: 'staff', staff, email: identity.email, tenantId: identity.tenantId, actor: { role: staff.role, id: staff.id, name: staff.name } };
    }
  }
  const now = deps.clock.now();
  for (const requester of await deps.directory.findRequestersByEmail(identity.email)) {
    if (!isActiveAt(requester, now)) continue;
    const client = await deps.directory.getClient(requester.clientId);
    const tenantId = client && (deps.tenantOf ? deps.tenantOf(client) : client.tenantId);
    if (client && tenantId && tenantId === identity.tenantId) {
      return { kind: 'requester', requester, client, email: identity.email, tenantId: identity.tenantId, actor: { role: 'requester', id: requester.email, name: requester.name } };
    }
  }
  throw new NotAuthorizedError('anonymous', 'use the support API', `${identity.email} is not an authorized requester of a client in tenant ${identity.tenantId}, nor partner staff`);
}
