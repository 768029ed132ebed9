// Headless-Chromium tests of the H5 build against a real BFF (run by `npm test` when a browser exists).
const preset = require('../jest.preset.js');

module.exports = {
  ...preset(__dirname, { setupFiles: ['reflect-metadata'] }),
  displayName: 'e2e',
  testMatch: ['<rootDir>/**/*.e2e.test.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
