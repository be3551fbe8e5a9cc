import { SENDER_AUTHENTICATION_POLICIES } from '../mail/sender-authentication';
import { z } from 'zod';
import { parseCalendar } from '../calendar/index';
import { DomainError, PolicyError } from '../common/errors';
import { INCIDENT_TYPES, PRIORITIES } from '../ticket/ticket-types';
import type { SupportPolicy } from './support-policy';

const minutes = z.number().int('must be a whole number of minutes').nonnegative('must not be negative');
const positiveMinutes = z.number().int('must be a whole number of minutes').positive('must be more than 0');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time "HH:MM" (00:00-24:00)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"');
const interval = z.tuple([hhmm, hhmm]);

const calendarSchema = z.strictObject({
  timezone: z.string().min(1, 'must name an IANA time zone'),
  weekly: z.strictObject({
    mon: z.array(interval).optional(),
    tue: z.array(interval).optional(),
    wed: z.array(interval).optional(),
    thu: z.array(interval).optional(),
    fri: z.array(interval).optional(),
    sat: z.array(interval).optional(),
    sun: z.array(interval).optional(),
  }),
  holidays: z.array(isoDate),
});

const responseTarget = z
  .strictObject({ targetMinutes: positiveMinutes.nullable(), breachMinutes: positiveMinutes })
  .refine((r) => r.targetMinutes === null || r.targetMinutes <= r.breachMinutes, {
    message: 'targetMinutes must not exceed breachMinutes',
    path: ['targetMinutes'],
  });

const resolutionBudget = z
  .strictObject({ minMinutes: positiveMinutes, maxMinutes: positiveMinutes, defaultMinutes: positiveMinutes })
  .refine((b) => b.minMinutes <= b.maxMinutes, { message: 'minMinutes must not exceed maxMinutes', path: ['minMinutes'] })
  .refine((b) => b.defaultMinutes >= b.minMinutes && b.defaultMinutes <= b.maxMinutes, {
    message: 'defaultMinutes must lie within [minMinutes, maxMinutes]',
    path: ['defaultMinutes'],
  });

const percent = z.number().int('must be a whole percentage').min(1, 'must be at least 1').max(100, 'must be at most 100');

function recordOf<K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>);
}

/** The zod schema of a policy file (the full SupportPolicy shape, every field required). */
export const supportPolicySchema = z.strictObject({
  name: z.string().min(1, 'must not be empty'),
  calendar: calendarSchema,
  response: recordOf(PRIORITIES, responseTarget),
  resolution: recordOf(INCIDENT_TYPES, resolutionBudget),
  atRiskPercent: percent,
  billing: z.strictObject({
    followUpMinutes: positiveMinutes,
    afterHoursMultiplierPercent: z
      .number()
      .int('must be a whole percentage')
      .min(100, 'must be at least 100 (no discount after hours)'),
    hourlyRateCents: z.number().int('must be whole cents').nonnegative('must not be negative'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "MXN"'),
  }),
  noResponse: z.strictObject({
    contactAttempts: z.number().int('must be a whole number').min(1, 'must be at least 1'),
    noticeBusinessDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1'),
    // Policies saved before this setting existed read as one business day.
    minBusinessMinutesBetweenAttempts: positiveMinutes.default(570),
  }),
  budgetAlertPercents: z
    .array(z.number().int('must be a whole percentage').positive('must be more than 0'))
    .refine((list) => list.every((p, i) => i === 0 || p > list[i - 1]), 'must be strictly increasing'),
  defaults: z.strictObject({ priority: z.enum(PRIORITIES), incidentType: z.enum(INCIDENT_TYPES) }),
  reminders: z.strictObject({ phoneEmailMinutes: positiveMinutes, microsoftCaseMinutes: minutes.min(1, 'must be at least 1') }),
  // Policies saved before this setting existed read as the default.
  mail: z
    .strictObject({ senderAuthentication: z.enum(SENDER_AUTHENTICATION_POLICIES) })
    .default({ senderAuthentication: 'quarantine' }),
});

function describe(issue: z.core.$ZodIssue): { field: string; text: string } {
  const field = issue.path.length ? issue.path.map(String).join('.') : '(policy)';
  return { field, text: `${field}: ${issue.message}` };
}

/**
 * Validates `input` as a complete SupportPolicy (a parsed policy file). Throws PolicyError naming the
 * first field at fault; its message lists every problem as `path: reason`.
 */
export function parsePolicy(input: unknown): SupportPolicy {
  const result = supportPolicySchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(describe);
    throw new PolicyError(problems[0].field, problems.map((p) => p.text).join('; '), { cause: result.error });
  }
  const policy = result.data as SupportPolicy;
  try {
    parseCalendar(policy.calendar);
  } catch (error) {
    if (error instanceof DomainError && 'field' in error) {
      const field = `calendar.${String((error as { field: unknown }).field)}`;
      throw new PolicyError(field, error.message, { cause: error });
    }
    throw error;
  }
  return policy;
}
