// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

import * as path from 'node:path';

/** @type {import('eslint').Rule.RuleModule} */
const libBoundaries = {
  meta: { type: 'problem', messages: { leave: '{{from}} must import {{to}} through its public face (@palabre/<lib>), not by a relative path.' } },
  create(context) {
    const root = import.meta.dirname;
    const owner = (file) => {
      const rel = path.relative(root, file).split(path.sep);
      return rel[0] === 'libs' || rel[0] === 'apps' ? `${rel[0]}/${rel[1]}` : undefined;
    };
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const from = owner(context.filename);
      if (!from) return;
      const to = owner(path.resolve(path.dirname(context.filename), source));
      if (to && to !== from && to.startsWith('libs/')) context.report({ node, messageId: 'leave', data: { from, to } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'var/**', 'node_modules/**', 'coverage/**', 'bench/**/*.js', 'test/**/*.js', 'scripts/**/*.js', '*.config.js', '*.config.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@palabre/*/*'], message: 'Import a lib by its public face (@palabre/<lib>), never its files.' },
            { group: ['**/libs/*', '**/libs/*/**', '../../libs/**'], message: 'Reach another lib through @palabre/<lib>.' },
          ],
        },
      ],
    },
  },
  // A lib's files never leave the lib by a relative path; an app's never reach into libs/.
  { plugins: { palabre: { rules: { 'lib-boundaries': libBoundaries } } }, rules: { 'palabre/lib-boundaries': 'error' } },
  // Browser scripts served as assets: plain JavaScript, no type information, browser globals.
  {
    files: ['libs/platform/src/views/assets/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        // The desk's service worker.
        self: 'readonly',
        caches: 'readonly',
        URL: 'readonly',
      },
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-restricted-imports': 'off' },
  },
);
