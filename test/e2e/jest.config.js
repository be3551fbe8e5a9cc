/** End-to-end tests (headless Chromium): `npm run test:e2e`. Needs /usr/bin/chromium (apt-get install -y chromium). */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
