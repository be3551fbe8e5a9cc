import type { BusinessCalendar } from '../domain/calendar/business-calendar';
import { NotFoundError } from '../domain/errors';
import { DEFAULT_POLICY } from '../domain/policy/default-policy';
import { parsePolicy } from '../domain/policy/policy-schema';
import { policyForClient } from '../domain/policy/policy-for-client';
import { policyVersion } from '../domain/policy/policy-version';
import type { SupportPolicy } from '../domain/policy/support-policy';
import type { Client } from '../domain/requesters/directory-types';
import type { AfterHoursWindow } from '../domain/billing/billing-types';
import { slaCalendar, withAfterHoursWindows } from '../domain/sla/sla-calendar';
import type { Ticket } from '../domain/ticket/ticket';
import type { DirectoryStore, StateStore } from './ports';

const KEY_PREFIX = 'policy:';

/**
 * The policies tickets run under, by version id. A ticket keeps the version it was opened under, so
 * every policy a ticket was opened with is saved in the state store (`policy:<version>`) and found
 * again after the client's contract changes.
 */
export class PolicyRegistry {
  private readonly policies: Map<string, SupportPolicy>;
  private readonly saved = new Set<string>();
  /** Each policy's parsed calendar, kept with the policy (the domain keeps no cache). */
  private readonly calendars = new WeakMap<SupportPolicy, BusinessCalendar>();

  constructor(
    private readonly state: StateStore,
    private readonly directory: DirectoryStore,
    /**
     * The support desk's own policy (DEFAULT_POLICY unless the composition root says otherwise): what
     * no single client decides, like the calendar of the managers' daily digest.
     */
    readonly base: SupportPolicy = DEFAULT_POLICY,
  ) {
    this.policies = new Map([[policyVersion(base), base]]);
  }

  /** The client's current policy (contract overrides on DEFAULT_POLICY), saved under its version. */
  async forClient(client: Client): Promise<{ policy: SupportPolicy; version: string }> {
    const merged = policyForClient(client);
    const version = policyVersion(merged);
    // One object per version: the calendars kept per policy object are found again.
    const policy = this.policies.get(version) ?? merged;
    this.policies.set(version, policy);
    if (!this.saved.has(version)) {
      if ((await this.state.getState(KEY_PREFIX + version)) === undefined) await this.state.setState(KEY_PREFIX + version, policy);
      this.saved.add(version);
    }
    return { policy, version };
  }

  async client(clientId: string): Promise<Client> {
    const client = await this.directory.getClient(clientId);
    if (!client) throw new NotFoundError('client', clientId);
    return client;
  }

  /** The policy the ticket was opened under (its recorded version). */
  async forTicket(ticket: Pick<Ticket, 'policyVersion' | 'clientId'>): Promise<SupportPolicy> {
    const known = this.policies.get(ticket.policyVersion);
    if (known) return known;
    const stored = await this.state.getState<SupportPolicy>(KEY_PREFIX + ticket.policyVersion);
    if (stored === undefined) throw new NotFoundError('policy version', ticket.policyVersion);
    const policy = parsePolicy(stored);
    this.policies.set(ticket.policyVersion, policy);
    return policy;
  }

  /** The policy of a version already loaded (forTicket/forClient), without I/O; undefined otherwise. */
  cached(version: string): SupportPolicy | undefined {
    return this.policies.get(version);
  }

  /**
   * The policy's business calendar (parsed once per policy object), plus the approved after-hours
   * windows among `windows` when given (the clocks of that client run inside them).
   */
  calendar(policy: SupportPolicy, windows: readonly AfterHoursWindow[] = []): BusinessCalendar {
    let calendar = this.calendars.get(policy);
    if (!calendar) {
      calendar = slaCalendar(policy);
      this.calendars.set(policy, calendar);
    }
    return windows.length > 0 ? withAfterHoursWindows(calendar, windows) : calendar;
  }
}
