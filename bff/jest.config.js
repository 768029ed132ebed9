// The Redis multi-instance test needs a Redis: it runs when TEST_REDIS_URL is set (CI sets it).
module.exports = require('../jest.preset.js')(__dirname, {
  setupFiles: ['reflect-metadata'],
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.TEST_REDIS_URL ? [] : ['\\.redis\\.test\\.ts$']),
  ],
});
