// ESLint flat config: typescript-eslint for .ts/.mjs, eslint-plugin-astro for .astro.
// `npm run lint` runs it with --max-warnings 0 (part of `npm test`).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.bench/',
      '.tmp/',
      'test-results/',
      'node_modules/',
      'content/',
      'seeds/',
      'scripts/bench/baseline/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/scripts/**/*.ts', 'src/scripts/**/*.js', 'public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
