import type { Client } from '../requesters/directory-types';
import { DEFAULT_POLICY } from './default-policy';
import { mergePolicy } from './merge-policy';
import type { SupportPolicy } from './support-policy';

/**
 * The policy a client's tickets run under: its contract overrides merged onto `base`
 * (DEFAULT_POLICY unless given); named `client:<id>` when it overrides anything.
 */
export function policyForClient(client: Client, base: SupportPolicy = DEFAULT_POLICY): SupportPolicy {
  if (!client.policyOverrides || Object.keys(client.policyOverrides).length === 0) return base;
  return mergePolicy(base, { name: `client:${client.id}`, ...client.policyOverrides });
}
