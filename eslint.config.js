// ESLint (flat config): the recommended rules for every JS file of the repo,
// run by `npm run lint`, the first step of `npm test`.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['dist/**', 'node_modules/**'] },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Reference values are quoted with the digits of the reference data; the
    // literal rounds to the nearest double, which is what the test compares.
    files: ['tests/**'],
    rules: { 'no-loss-of-precision': 'off' },
  },
];
