/** One jest for every workspace; each project has its own config. */
module.exports = {
  projects: [
    '<rootDir>/shared-types',
    '<rootDir>/bff',
    '<rootDir>/mock',
    '<rootDir>/scripts',
    '<rootDir>/miniapp',
    '<rootDir>/admin/jest.config.cjs',
  ],
  // A global option (ignored inside projects): integration and browser tests seed databases and
  // start real servers and Chromium, which takes seconds on a busy 2-core machine.
  testTimeout: 120_000,
};
