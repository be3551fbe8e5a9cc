import { ValidationError } from '../common/errors';
import type { SupportPolicy } from '../policy/support-policy';

/** round(numerator / denominator), halves up, for non-negative integers (exact while below 2^53). */
function divideRounded(numerator: number, denominator: number): number {
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/**
 * The charge of one report line in integer cents. `percentMinutes` is the line's weighted time kept
 * exact as an integer: the sum of billedMinutes x multiplierPercent of its entries (3 after-hours
 * follow-ups at 150% = 3 x 15 x 150 = 6750, i.e. 67.5 weighted minutes). The amount is
 * percentMinutes x hourlyRateCents / (60 x 100), rounded half up to the cent ONCE, here: integer
 * arithmetic only, never float money, never a rounded minute.
 */
export function chargeCents(percentMinutes: number, policy: SupportPolicy): number {
  if (!Number.isSafeInteger(percentMinutes) || percentMinutes < 0)
    throw new ValidationError('percentMinutes', `must be a whole number >= 0 (got ${percentMinutes})`);
  const numerator = percentMinutes * policy.billing.hourlyRateCents;
  if (!Number.isSafeInteger(numerator)) throw new ValidationError('percentMinutes', 'the charge is too large to compute exactly');
  return divideRounded(numerator, 6000);
}
