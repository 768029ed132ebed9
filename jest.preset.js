// Shared ts-jest settings for the Node workspaces: workspace packages resolve to their
// sources, so tests never depend on a stale build.
const path = require('node:path');

/** @param {string} dir the workspace folder */
module.exports = (dir, extra = {}) => ({
  rootDir: dir,
  displayName: path.basename(dir),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.jest.json') }],
    // ESM-only packages (the spatial index) are compiled to CommonJS for jest.
    '^.+/node_modules/(geokdbush|kdbush|tinyqueue)/.+\\.js$': [
      'ts-jest',
      { tsconfig: path.join(__dirname, 'tsconfig.jest.json') },
    ],
  },
  // Integration tests seed a database and run real servers; on a busy 2-core machine that takes seconds.
  testTimeout: 60_000,
  transformIgnorePatterns: ['/node_modules/(?!(geokdbush|kdbush|tinyqueue)/)'],
  moduleNameMapper: {
    '^@omni/shared-types$': path.join(__dirname, 'shared-types/src/index.ts'),
    '^@omni/mock$': path.join(__dirname, 'mock/src/index.ts'),
    '^@omni/mock/(.*)$': path.join(__dirname, 'mock/src/$1'),
  },
  ...extra,
});
