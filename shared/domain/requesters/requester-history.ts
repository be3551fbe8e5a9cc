import type { AuthorizedRequester, DirectoryAuditEntry, Staff } from './directory-types';

/** One change to a client's requesters, as people read it: who changed whom, when, and on whose request. */
export interface RequesterChange {
  at: string;
  change: 'added' | 'deactivated';
  requesterEmail: string;
  /** The requester's name, when a record of them exists. */
  requesterName?: string;
  /** Who made the change: a staff member's name, a requester's email, the CLI user. */
  changedBy: string;
  changedById: string;
  /** The client-side person who asked for it. */
  onRequestOf?: string;
  /** Added: authorized from; deactivated: authorized until. */
  effective?: string;
  isClientAdmin?: boolean;
}

const ACTIONS: Record<string, RequesterChange['change']> = { 'requester.add': 'added', 'requester.deactivate': 'deactivated' };

/**
 * The audit entries of `clientId`'s requesters as readable changes, oldest first (the audit order on a tie); staff ids become
 * names, CLI users read as `soporte CLI (<user>)`.
 */
export function requesterHistory(
  clientId: string,
  audit: readonly DirectoryAuditEntry[],
  staff: readonly Staff[],
  requesters: readonly AuthorizedRequester[],
): RequesterChange[] {
  const prefix = `requester:${clientId}:`;
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const names = new Map(requesters.map((r) => [r.email, r.name]));
  return audit
    .filter((entry) => entry.subject.startsWith(prefix) && ACTIONS[entry.action] !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((entry) => {
      const email = entry.subject.slice(prefix.length);
      const member = staffById.get(entry.actorId);
      const change: RequesterChange = {
        at: entry.at,
        change: ACTIONS[entry.action],
        requesterEmail: email,
        changedBy: member
          ? `${member.name} (${member.email})`
          : entry.actorId.startsWith('cli:')
            ? `soporte CLI (${entry.actorId.slice(4)})`
            : entry.actorId,
        changedById: entry.actorId,
      };
      const name = names.get(email);
      if (name) change.requesterName = name;
      if (entry.onRequestOf) change.onRequestOf = entry.onRequestOf;
      const effective = entry.detail?.[change.change === 'added' ? 'effectiveFrom' : 'effectiveTo'];
      if (typeof effective === 'string') change.effective = effective;
      if (typeof entry.detail?.isClientAdmin === 'boolean') change.isClientAdmin = entry.detail.isClientAdmin;
      return change;
    });
}
