import type { DeepPartial } from '../requesters/directory-types';
import { parsePolicy } from './policy-schema';
import type { SupportPolicy } from './support-policy';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}

/**
 * `overrides` merged onto `base`, then validated. Objects merge key by key; arrays (holidays, alert
 * percentages, intervals) and scalars replace. `undefined` leaves the base value. Throws PolicyError
 * naming the field when the result is not a valid policy.
 */
export function mergePolicy(base: SupportPolicy, overrides: DeepPartial<SupportPolicy> | undefined): SupportPolicy {
  return parsePolicy(deepMerge(base, overrides ?? {}));
}
