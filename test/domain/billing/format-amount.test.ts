import { formatAmount } from '../../../shared/domain/billing';

test.each([
  [112500, 'en', '1,125.00 MXN'],
  [123456789, 'en', '1,234,567.89 MXN'],
  [5, 'es-MX', '0.05 MXN'],
  [-2550, 'en', '-25.50 MXN'],
  [0, 'es-MX', '0.00 MXN'],
] as const)('%i cents in %s reads %s', (cents, locale, expected) => {
  expect(formatAmount(cents, 'MXN', locale)).toBe(expected);
});

test('an amount is whole cents', () => {
  expect(() => formatAmount(10.5, 'MXN', 'en')).toThrow('whole cents');
});
