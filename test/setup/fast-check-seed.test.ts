import fc from 'fast-check';
import { PROPERTY_SEED } from '../support/property-seed';

test('every property test runs with the fixed seed, and a failure names it', () => {
  expect(fc.readConfigureGlobal().seed).toBe(PROPERTY_SEED);
  const failure = fc.check(fc.property(fc.nat(), (n) => n < 0));
  expect(failure.seed).toBe(PROPERTY_SEED);
  expect(() => fc.assert(fc.property(fc.nat(), (n) => n < 0))).toThrow(`seed: ${PROPERTY_SEED}`);
});
