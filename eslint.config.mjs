import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // A leading underscore marks a deliberately unused name, e.g. a key dropped by destructuring.
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Issue #19: every business "now" in billing code comes from now() in lib/clock.ts, so the test
    // clock moves every rule at once. The fake providers are someone else's clock; fixtures and
    // tests may read the real one.
    files: ['lib/billing/**/*.{ts,tsx}', 'lib/test-clock/**/*.ts'],
    ignores: ['**/*.test.ts', 'lib/billing/providers/fakes/**', 'lib/billing/**/*-fixtures.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Billing code reads the time from now() in lib/clock.ts (the test clock moves it), never new Date().' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Billing code reads the time from nowMs() in lib/clock.ts (the test clock moves it), never Date.now().' },
        { selector: 'TemplateElement[value.raw=/\\bnow\\(\\)|current_timestamp|clock_timestamp\\(|localtimestamp/i]', message: 'Billing SQL writes times from now() in lib/clock.ts as a parameter (${now()}::timestamptz), never PostgreSQL\'s now().' },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'out/**',
    'build/**',
    'node_modules/**',
    'lib/generated/**',
    'playwright-report/**',
    'test-results/**',
    '.stryker-tmp/**',
    'reports/**',
    'next-env.d.ts',
  ]),
]);
