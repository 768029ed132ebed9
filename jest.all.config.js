/** Every jest project including the headless-Chromium E2E (used by `npm test` when a browser exists). */
const base = require('./jest.config.js');
module.exports = { ...base, projects: [...base.projects, '<rootDir>/e2e'] };
