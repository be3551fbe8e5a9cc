import type { StatementData, StatementLine } from '../../../shared/domain/statement';
import { StatementText } from '../../../shared/infra/statements/statement-text';

const line = (consultants: number): StatementLine => ({
  entryId: 'e1',
  at: '2026-02-03T17:00:00.000Z',
  ticketId: 't1',
  ticketNumber: 'SUP-2026-0001',
  kind: 'session',
  minutes: 30,
  consultants,
  billedMinutes: 30 * consultants,
  afterHours: false,
  multiplierPercent: 100,
  chargeCents: 0,
});

test.each([
  ['es-MX', 1, '30 min x 1 consultor'],
  ['es-MX', 3, '30 min x 3 consultores'],
  ['en', 1, '30 min x 1 consultant'],
  ['en', 2, '30 min x 2 consultants'],
] as const)('a session line in %s with %i consultant(s) reads "%s"', (locale, consultants, expected) => {
  const text = new StatementText({ locale, currency: 'MXN' } as StatementData, 'America/Mexico_City');
  expect(text.detail(line(consultants))).toBe(expected);
});
