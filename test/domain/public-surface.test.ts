import * as domain from '../../shared/domain/index';

describe('shared/domain/index.ts', () => {
  test('exposes the policy, calendar, lifecycle, SLA, billing, requesters and catalog functions', () => {
    const names = [
      'DEFAULT_POLICY',
      'parsePolicy',
      'mergePolicy',
      'policyVersion',
      'policyForClient',
      'parseCalendar',
      'addBusinessMinutes',
      'businessMinutesBetween',
      'isOpen',
      'nextOpening',
      'mexicanRestDays',
      'businessSegments',
      'withOpenWindows',
      'applyEvent',
      'openTicket',
      'replay',
      'linkedTicketInput',
      'TRANSITIONS',
      'assertAllowed',
      'slaStatus',
      'slaCalendar',
      'explainSla',
      'formatSlaExplanation',
      'buildTimeEntry',
      'chargeCents',
      'budgetStatus',
      'monthlySummary',
      'isAuthorizedRequester',
      'deactivateRequester',
      'whoCanAuthorize',
      't',
      'resolveLocale',
    ];
    for (const name of names) expect(domain).toHaveProperty(name);
    expect(typeof domain.slaStatus).toBe('function');
  });
});
