// Component tests of the console: jsdom, Testing Library, the pages' forms and the map/grid logic.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  displayName: 'admin',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}', '<rootDir>/test/**/*.test.{ts,tsx}'],
  transform: {
    '^.+\\.[jt]sx?$': ['babel-jest', { configFile: path.join(__dirname, 'jest.babel.cjs') }],
  },
  // antd's icons and colours ship ES modules only: compile them for jest too.
  transformIgnorePatterns: [
    '/node_modules/(?!(@ant-design|@rc-component|rc-[^/]+|antd|@babel/runtime/helpers/esm|echarts|zrender)/)',
  ],
  moduleNameMapper: {
    '^@omni/shared-types$': '<rootDir>/../shared-types/src/index.ts',
    '\\.(css|less)$': 'identity-obj-proxy',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  clearMocks: true,
};
