/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  testTimeout: 30000,
  // better-sqlite3 must register its error class in every test file's realm (see the file).
  setupFiles: ['<rootDir>/test/setup/better-sqlite3-realm.ts', '<rootDir>/test/setup/fast-check-seed.ts'],
  // Property tests run with one fixed seed (test/support/property-seed.ts), printed once per run.
  globalSetup: '<rootDir>/test/setup/print-seed.ts',
};
