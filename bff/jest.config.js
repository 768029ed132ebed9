module.exports = require('../jest.preset.js')(__dirname, {
  setupFiles: ['reflect-metadata'],
});
