import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'scratch', 'out', 'tests/fixtures', '.bench-out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in a Web Worker and in Node: no React, no Konva, no app code, no DOM globals.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-*', 'konva', '**/app/**', '**/cli/**'] },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'HTMLCanvasElement', 'Image', 'localStorage'],
    },
  },
  {
    // Scripts the generated service worker imports (the Web Share Target).
    files: ['public/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The UI reaches the engine only through the worker client and engine types.
      'no-restricted-imports': ['error', { patterns: ['**/cli/**'] }],
    },
  },
);
