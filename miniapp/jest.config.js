// Component and service tests: jsdom, babel with plain presets (see babel.config.js), and small
// stand-ins for Taro's runtime so pages render as ordinary React DOM.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  displayName: 'miniapp',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}', '<rootDir>/test/**/*.test.{ts,tsx}'],
  transform: {
    '^.+\\.[jt]sx?$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }],
  },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/__mocks__/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/__mocks__/components.tsx',
    '^@omni/shared-types$': '<rootDir>/../shared-types/src/index.ts',
    '\\.(css|scss|sass|less)$': 'identity-obj-proxy',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/__mocks__/file.js',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  clearMocks: true,
};
