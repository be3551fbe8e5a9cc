import type { BusinessCalendar } from '../domain/calendar';
import { NotFoundError } from '../domain/common';
import { DEFAULT_POLICY } from '../domain/policy';
import { withAddedHolidays, type AddedHoliday } from '../domain/policy';
import { parsePolicy } from '../domain/policy';
import { policyForClient } from '../domain/policy';
import { policyVersion } from '../domain/policy';
import type { SupportPolicy } from '../domain/policy';
import type { Client } from '../domain/requesters';
import type { AfterHoursWindow } from '../domain/billing';
import { slaCalendar, withAfterHoursWindows } from '../domain/sla';
import type { Ticket } from '../domain/ticket';
import type { Clock, DirectoryStore, StateStore } from './ports';

const KEY_PREFIX = 'policy:';
/** The state key of the days off administrators added (`soporte holidays add`), an AddedHoliday[]. */
export const ADDED_HOLIDAYS_KEY = 'holidays:added';
/** How long a server trusts the added days off it read before reading them again (another process may add some). */
const ADDED_HOLIDAYS_TTL_MS = 60_000;

/**
 * The policies tickets run under, by version id. A ticket keeps the version it was opened under, so
 * every policy a ticket was opened with is saved in the state store (`policy:<version>`) and found
 * again after the client's contract changes.
 */
export class PolicyRegistry {
  private readonly policies: Map<string, SupportPolicy>;
  private readonly saved = new Set<string>();
  /** The added days off last read, their JSON, and the policies they gave (by base policy). */
  private added?: { readAtMs: number; json: string; holidays: AddedHoliday[]; applied: WeakMap<SupportPolicy, SupportPolicy> };
  /** Each policy's parsed calendar, kept with the policy (the domain keeps no cache). */
  private readonly calendars = new WeakMap<SupportPolicy, BusinessCalendar>();

  constructor(
    private readonly state: StateStore,
    private readonly directory: DirectoryStore,
    /** Without a clock the added days off are read at every forClient (the CLI, tests). */
    private readonly clock?: Clock,
    /**
     * The support desk's own policy (DEFAULT_POLICY unless the composition root says otherwise): what
     * no single client decides, like the calendar of the managers' daily digest.
     */
    readonly base: SupportPolicy = DEFAULT_POLICY,
  ) {
    this.policies = new Map([[policyVersion(base), base]]);
  }

  /**
   * The client's current policy (contract overrides on DEFAULT_POLICY, plus the days off administrators
   * added), saved under its version.
   */
  async forClient(client: Client): Promise<{ policy: SupportPolicy; version: string }> {
    const merged = await this.withAddedHolidays(policyForClient(client));
    const version = policyVersion(merged);
    // One object per version: the calendars kept per policy object are found again.
    const policy = this.policies.get(version) ?? merged;
    this.policies.set(version, policy);
    if (!this.saved.has(version)) {
      if ((await this.state.getState(KEY_PREFIX + version)) === undefined)
        await this.state.setState(KEY_PREFIX + version, policy);
      this.saved.add(version);
    }
    return { policy, version };
  }

  /** The days off administrators added, as stored. */
  async addedHolidays(): Promise<AddedHoliday[]> {
    const nowMs = this.clock?.now().getTime();
    if (this.added && nowMs !== undefined && nowMs - this.added.readAtMs < ADDED_HOLIDAYS_TTL_MS) return this.added.holidays;
    const holidays = (await this.state.getState<AddedHoliday[]>(ADDED_HOLIDAYS_KEY)) ?? [];
    const json = JSON.stringify(holidays);
    if (this.added?.json !== json) this.added = { readAtMs: nowMs ?? 0, json, holidays, applied: new WeakMap() };
    else this.added.readAtMs = nowMs ?? 0;
    return holidays;
  }

  private async withAddedHolidays(base: SupportPolicy): Promise<SupportPolicy> {
    const holidays = await this.addedHolidays();
    const applied = this.added?.applied;
    let policy = applied?.get(base);
    if (!policy) {
      policy = withAddedHolidays(base, holidays);
      applied?.set(base, policy);
    }
    return policy;
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
