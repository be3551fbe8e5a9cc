import fc from 'fast-check';
import { PROPERTY_SEED } from '../support/property-seed';

// Every fc.assert of every test file runs with the fixed seed (see test/support/property-seed.ts).
fc.configureGlobal({ seed: PROPERTY_SEED });
