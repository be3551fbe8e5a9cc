import type { SupportPolicy } from '../policy/support-policy';
import type { Priority } from '../ticket/ticket-types';

export interface Thresholds {
  targetMinutes: number | null;
  atRiskMinutes: number;
  breachMinutes: number;
}

interface PolicyThresholds {
  response: Record<Priority, Thresholds>;
  atRiskPercent: number;
  /** Resolution thresholds by budget (budgets repeat: a handful of values per policy). */
  resolution: Map<number, Thresholds>;
}

const cache = new WeakMap<SupportPolicy, PolicyThresholds>();

/** At risk past the target, or past atRiskPercent of the breach, whichever comes first. */
export function thresholdsOf(targetMinutes: number | null, breachMinutes: number, atRiskPercent: number): Thresholds {
  const byPercent = (breachMinutes * atRiskPercent) / 100;
  return { targetMinutes, breachMinutes, atRiskMinutes: targetMinutes === null ? byPercent : Math.min(targetMinutes, byPercent) };
}

let lastPolicy: SupportPolicy | undefined;
let lastThresholds: PolicyThresholds | undefined;

/** The thresholds of a policy, computed once per policy object (the last one asked for at hand: a sweep asks per ticket). */
export function policyThresholds(policy: SupportPolicy): PolicyThresholds {
  if (policy === lastPolicy && lastThresholds !== undefined) return lastThresholds;
  let found = cache.get(policy);
  if (!found) {
    const response = {} as Record<Priority, Thresholds>;
    for (const [priority, r] of Object.entries(policy.response) as Array<[Priority, SupportPolicy['response'][Priority]]>) {
      response[priority] = thresholdsOf(r.targetMinutes, r.breachMinutes, policy.atRiskPercent);
    }
    found = { response, atRiskPercent: policy.atRiskPercent, resolution: new Map() };
    cache.set(policy, found);
  }
  lastPolicy = policy;
  lastThresholds = found;
  return found;
}

/** The resolution clock's thresholds for a budget: no target, at risk at atRiskPercent of it. */
export function resolutionThresholds(policy: SupportPolicy, budgetMinutes: number): Thresholds {
  const all = policyThresholds(policy);
  let found = all.resolution.get(budgetMinutes);
  if (!found) {
    found = thresholdsOf(null, budgetMinutes, all.atRiskPercent);
    if (all.resolution.size < 1024) all.resolution.set(budgetMinutes, found);
  }
  return found;
}
