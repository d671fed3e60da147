import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

// The engine's layers, lowest first (issue 14): each imports only from its own layer and those below.
// image: plain data, pixels, decoders and the input formats that become page sources (HEIC);
// ocr; detect / documents / learned / pdf (numbers found in pixels or in a PDF's text); masks;
// render (burn, watermark); core (the pipeline, analyze.ts); worker (the browser's face of the core).
const ENGINE_LAYERS = [
  [
    'types.ts',
    'limits.ts',
    'memory-budget.ts',
    'math.ts',
    'errors.ts',
    'error-codes.ts',
    'reading-frame.ts',
    'image',
    'platform',
    'heic',
  ],
  ['ocr'],
  ['detect', 'documents', 'learned', 'pdf'],
  ['masks'],
  ['burn', 'watermark'],
  ['core', 'analyze.ts'],
  ['worker'],
];

/** import-x/no-restricted-paths zones: no layer imports from a layer above it. */
function layerZones() {
  // Within the image layer: platform adapters call the HEIC decoder, never the other way round.
  const heic = {
    target: './src/engine/heic',
    from: './src/engine/platform',
    message: 'HEIC is a page-source decoder: the platform adapters call it, not the reverse.',
  };
  return [
    heic,
    ...ENGINE_LAYERS.slice(0, -1).map((layer, i) => ({
      target: layer.map((p) => `./src/engine/${p}`),
      from: ENGINE_LAYERS.slice(i + 1)
        .flat()
        .map((p) => `./src/engine/${p}`),
      message: `Engine layers import only downward: ${ENGINE_LAYERS.map((l) => l.join(' ')).join(' -> ')}.`,
    })),
  ];
}

/** Engine modules the app may import as values: plain data and pure helpers, safe on both sides. */
const APP_VALUE_IMPORTS = [
  'error-codes',
  'limits',
  'documents/page-kinds',
  // The export guard asks what the CLI's warnings ask (type imports only behind both).
  'detect/last-four-shown',
  'masks/geometry',
  'reading-frame',
  'ocr/pool-size',
  'pdf/assets',
  'worker/model-assets',
];

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
      // The UI reaches the engine only through the worker client (engine-client.ts) and engine
      // types: across the worker boundary, engine modules are imported as types only, but for the
      // plain-data modules in APP_VALUE_IMPORTS.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**'], message: 'The app never uses the CLI.' },
            {
              regex: `^(\\.\\./)+engine/(?!(${APP_VALUE_IMPORTS.join('|')})$)`,
              allowTypeImports: true,
              message:
                'Engine code runs in the worker: import its types only (import type), or list a plain-data module in APP_VALUE_IMPORTS (eslint.config.js).',
            },
          ],
        },
      ],
    },
  },
  {
    // No import cycles anywhere in src/ (type-only imports are erased at build time and do not
    // count), and the engine's layers import only downward (ENGINE_LAYERS above).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // TypeScript files are parsed for their imports (by default import-x reads only .js files).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
    },
  },
);
