import { ValidationError } from '../common/errors';
import type { IncidentType } from '../ticket/ticket-types';
import type { SupportPolicy } from './support-policy';

/**
 * The resolution budget for `incidentType`: `minutes` when the consultant picked one (it must lie in
 * the policy's range), the type's default otherwise.
 */
export function pickBudget(policy: SupportPolicy, incidentType: IncidentType, minutes?: number): number {
  const range = policy.resolution[incidentType];
  if (!range) throw new ValidationError('incidentType', `unknown incident type "${incidentType}"`);
  if (minutes === undefined) return range.defaultMinutes;
  if (!Number.isInteger(minutes) || minutes < range.minMinutes || minutes > range.maxMinutes) {
    throw new ValidationError(
      'budgetMinutes',
      `${minutes} is outside the ${incidentType} range ${range.minMinutes}-${range.maxMinutes} minutes`,
    );
  }
  return minutes;
}
