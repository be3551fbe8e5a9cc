import { PROPERTY_SEED } from '../support/property-seed';

/** Jest global setup: says once per run which seed the property tests use. */
export default function printSeed(): void {
  process.stdout.write(`\nfast-check seed: ${PROPERTY_SEED} (set FC_SEED to explore other cases)\n`);
}
