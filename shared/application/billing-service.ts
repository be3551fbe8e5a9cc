import { billingMonth } from '../domain/billing';
import { monthlySummary, type MonthlySummary } from '../domain/billing';
import type { PolicyRegistry } from './policy-registry';
import type { Store } from './ports';

/** The hours report of a client's month: the domain's monthly summary, as the CLI and Teams show it. */
export type HoursReport = MonthlySummary;
export type { HoursLine, HoursRow } from '../domain/billing';

/** Billed time per client and month: loads the entries and lets the domain's one billing engine count them. */
export class BillingService {
  constructor(private readonly deps: { store: Store; policies: PolicyRegistry }) {}

  async hoursReport(clientId: string, month: string): Promise<HoursReport> {
    const client = await this.deps.policies.client(clientId);
    const { policy } = await this.deps.policies.forClient(client);
    const { from, to } = billingMonth(month, policy.calendar.timezone);
    const entries = await this.deps.store.tickets.timeEntries({ clientId: client.id, from, to });
    return monthlySummary(entries, policy, client.id, month);
  }
}
