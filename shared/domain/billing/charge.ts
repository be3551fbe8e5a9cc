import { ValidationError } from '../errors';
import type { SupportPolicy } from '../policy/support-policy';
import type { TimeEntry } from './billing-types';

/** round(numerator / denominator), halves up, for non-negative integers (exact while below 2^53). */
function divideRounded(numerator: number, denominator: number): number {
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/**
 * The charge of an entry in integer cents: billedMinutes x hourlyRateCents x multiplierPercent /
 * (60 x 100), rounded half up once at the end. Integer arithmetic only, never float money.
 */
export function chargeCents(entry: Pick<TimeEntry, 'billedMinutes' | 'multiplierPercent'>, policy: SupportPolicy): number {
  const { billedMinutes, multiplierPercent } = entry;
  if (!Number.isInteger(billedMinutes) || billedMinutes < 0) throw new ValidationError('billedMinutes', `must be a whole number >= 0 (got ${billedMinutes})`);
  if (!Number.isInteger(multiplierPercent) || multiplierPercent < 0) throw new ValidationError('multiplierPercent', `must be a whole percentage (got ${multiplierPercent})`);
  const numerator = billedMinutes * policy.billing.hourlyRateCents * multiplierPercent;
  if (!Number.isSafeInteger(numerator)) throw new ValidationError('billedMinutes', 'the charge is too large to compute exactly');
  return divideRounded(numerator, 6000);
}
