// `npm run lint -w miniapp`: the root rules plus React hook rules for the mini-program sources.
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import root from '../eslint.config.mjs';

export default [
  ...root,
  { ignores: ['dist/**', '.swc/**', 'coverage/**'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
];
