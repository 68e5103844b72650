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
    // The explorer shows its numbers before Chart.js is loaded: only the
    // charts' own modules import it (and shell/legend.js, and the plugins
    // in *-layer.js, which only a charts.js imports), and a view's mount
    // loads its charts.js by import(), through manageCharts.
    files: ['web/explorer/**/*.js'],
    ignores: ['web/explorer/**/charts.js', 'web/explorer/**/*-layer.js', 'web/explorer/views/pair-bars/chart.js', 'web/explorer/shell/legend.js'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'chart.js', message: 'Chart.js is loaded after the numbers: import it only in a charts.js.' }],
        patterns: [{
          regex: '^\\.\\.?/(.*/)?(charts|chart|legend)\\.js$',
          message: 'A view\'s charts are loaded after its numbers: import() them in its mount, through manageCharts.',
        }],
      }],
    },
  },
  {
    // A function a newcomer can read at once: none in the library or the explorer over 120 lines.
    files: ['web/**/*.js'],
    rules: { 'max-lines-per-function': ['error', { max: 120 }] },
  },
  {
    files: ['web/explorer/shell/index.js'], // re-exports manageCharts, which has no Chart.js
    rules: { 'no-restricted-imports': ['error', 'chart.js'] },
  },
  {
    // Reference values are quoted with the digits of the reference data; the
    // literal rounds to the nearest double, which is what the test compares.
    files: ['tests/**'],
    rules: { 'no-loss-of-precision': 'off' },
  },
];
