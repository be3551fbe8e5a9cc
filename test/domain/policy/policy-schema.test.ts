import { PolicyError } from '../../../shared/domain/common';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { mergePolicy } from '../../../shared/domain/policy';
import { parsePolicy } from '../../../shared/domain/policy';
import { policyForClient } from '../../../shared/domain/policy';
import { canonicalJson, policyVersion } from '../../../shared/domain/policy';
import { pickBudget } from '../../../shared/domain/policy';
import type { Client } from '../../../shared/domain/requesters';

function policyErrorOf(fn: () => unknown): PolicyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('expected a PolicyError');
}

// A policy file as loosely typed JSON, so tests can break it on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutable = any;
const clone = (): Mutable => JSON.parse(JSON.stringify(DEFAULT_POLICY));

describe('parsePolicy errors name the field and the reason', () => {
  test.each([
    ['response.high.breachMinutes', (p: Mutable) => (p.response.high.breachMinutes = -5), 'must be more than 0'],
    ['response.medium.targetMinutes', (p: Mutable) => (p.response.medium.targetMinutes = 2000), 'must not exceed breachMinutes'],
    [
      'resolution.maintenance.defaultMinutes',
      (p: Mutable) => (p.resolution.maintenance.defaultMinutes = 100),
      'within [minMinutes, maxMinutes]',
    ],
    ['billing.followUpMinutes', (p: Mutable) => (p.billing.followUpMinutes = 7.5), 'whole number of minutes'],
    ['billing.afterHoursMultiplierPercent', (p: Mutable) => (p.billing.afterHoursMultiplierPercent = 90), 'at least 100'],
    ['atRiskPercent', (p: Mutable) => (p.atRiskPercent = 150), 'at most 100'],
    ['budgetAlertPercents', (p: Mutable) => (p.budgetAlertPercents = [100, 80]), 'strictly increasing'],
    ['calendar.weekly.mon.0.1', (p: Mutable) => (p.calendar.weekly.mon = [['08:30', '25:00']]), 'HH:MM'],
    ['calendar.holidays.0', (p: Mutable) => (p.calendar.holidays = ['2026/01/01']), 'YYYY-MM-DD'],
    ['noResponse.contactAttempts', (p: Mutable) => delete p.noResponse.contactAttempts, 'expected number'],
  ])('%s', (field, mutate, reason) => {
    const input = clone();
    mutate(input);
    const error = policyErrorOf(() => parsePolicy(input));
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${field}: `);
    expect(error.message).toContain(reason);
  });

  test('an unknown time zone is reported under calendar.*', () => {
    const input = clone();
    input.calendar.timezone = 'Mars/Olympus';
    const error = policyErrorOf(() => parsePolicy(input));
    expect(error.field).toMatch(/^calendar\.timezone/);
  });

  test('unknown keys are refused (typos in policy files do not pass silently)', () => {
    const input = clone();
    input.billing.folowUpMinutes = 20;
    expect(policyErrorOf(() => parsePolicy(input)).field).toBe('billing');
  });
});

describe('mergePolicy', () => {
  test('deep-merges objects, replaces arrays, keeps the rest', () => {
    const merged = mergePolicy(DEFAULT_POLICY, {
      response: { high: { breachMinutes: 180 } },
      budgetAlertPercents: [50, 90],
      billing: { hourlyRateCents: 120000 },
    });
    expect(merged.response.high).toEqual({ targetMinutes: 60, breachMinutes: 180 });
    expect(merged.response.low).toEqual(DEFAULT_POLICY.response.low);
    expect(merged.budgetAlertPercents).toEqual([50, 90]);
    expect(merged.billing).toEqual({ ...DEFAULT_POLICY.billing, hourlyRateCents: 120000 });
    expect(merged.calendar).toEqual(DEFAULT_POLICY.calendar);
  });

  test('an invalid override throws PolicyError naming the field', () => {
    expect(policyErrorOf(() => mergePolicy(DEFAULT_POLICY, { response: { high: { targetMinutes: 300 } } })).field).toBe(
      'response.high.targetMinutes',
    );
  });
});

describe('policyVersion', () => {
  test('equal content -> equal id, whatever the key order; a changed number -> another id', () => {
    const reordered = JSON.parse(canonicalJson(DEFAULT_POLICY));
    const shuffled = Object.fromEntries(Object.entries(reordered).reverse());
    expect(policyVersion(shuffled as unknown as typeof DEFAULT_POLICY)).toBe(policyVersion(DEFAULT_POLICY));
    expect(policyVersion(DEFAULT_POLICY)).toMatch(/^p-[0-9a-f]{16}$/);
    const changed = mergePolicy(DEFAULT_POLICY, { billing: { followUpMinutes: 20 } });
    expect(policyVersion(changed)).not.toBe(policyVersion(DEFAULT_POLICY));
  });
});

describe('policyForClient', () => {
  const client: Client = {
    id: 'acme',
    name: 'Acme',
    domains: ['acme.mx'],
    locale: 'es-MX',
    managerEmails: [],
    createdAt: '2026-01-01T00:00:00Z',
  };
  test('no overrides: the default policy itself', () => {
    expect(policyForClient(client)).toBe(DEFAULT_POLICY);
  });
  test('overrides merge onto the default and change the version', () => {
    const policy = policyForClient({ ...client, policyOverrides: { noResponse: { contactAttempts: 2 } } });
    expect(policy.noResponse).toEqual({ contactAttempts: 2, noticeBusinessDays: 5, minBusinessMinutesBetweenAttempts: 570 });
    expect(policy.name).toBe('client:acme');
    expect(policyVersion(policy)).not.toBe(policyVersion(DEFAULT_POLICY));
  });
});

describe('pickBudget', () => {
  test.each([
    ['maintenance', undefined, 960],
    ['maintenance', 1500, 1500],
    ['research-debugging', 960, 960],
    ['technical-urgent', undefined, 240],
  ] as const)('%s pick %p -> %p', (type, pick, expected) => {
    expect(pickBudget(DEFAULT_POLICY, type, pick)).toBe(expected);
  });
  test('a pick outside the range names budgetMinutes', () => {
    expect(() => pickBudget(DEFAULT_POLICY, 'maintenance', 3000)).toThrow(
      /budgetMinutes: 3000 is outside the maintenance range 960-2160/,
    );
  });
});
