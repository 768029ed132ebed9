/** One jest for every workspace; each project has its own config. */
module.exports = {
  projects: [
    '<rootDir>/shared-types',
    '<rootDir>/bff',
    '<rootDir>/mock',
    '<rootDir>/scripts',
    '<rootDir>/miniapp',
  ],
};
