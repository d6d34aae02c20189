import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'zlib',
  'stream',
  'worker_threads',
]

/** Folder boundaries from DESIGN.md, enforced here rather than remembered. */
function forbid(paths, message) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: paths.map((group) => ({ group: [group], message })) },
    ],
  }
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'] }),
      ],
    },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'error' },
  },
  {
    files: ['src/shared/**'],
    rules: forbid(
      [
        'electron',
        'react',
        'react-dom',
        '@tiptap/*',
        'lowdb',
        'lowdb/*',
        ...nodeBuiltins,
        '**/main/**',
        '**/renderer/**',
        '**/preload/**',
      ],
      'src/shared runs everywhere: no electron, react or node-only imports.',
    ),
  },
  {
    files: ['src/main/services/**'],
    rules: forbid(
      ['electron', '**/renderer/**', '**/preload/**'],
      'Services stay testable in Node: take what you need from electron as a parameter.',
    ),
  },
  {
    // Feature folders take their services as parameters; the bag and the wiring are the root's.
    // (Which feature may import which is checked by .dependency-cruiser.cjs.)
    files: ['src/main/services/*/**'],
    rules: forbid(
      [
        'electron',
        '**/renderer/**',
        '**/preload/**',
        '**/services',
        '**/handlers',
        '**/create-services',
      ],
      'A feature takes the services it uses as parameters: import their modules, not the wiring.',
    ),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(
        ['electron', 'lowdb', 'lowdb/*', ...nodeBuiltins, '**/main/**', '**/preload/index*'],
        'The renderer reaches main only through window.swarmroom.',
      ),
    },
  },
  {
    files: ['src/preload/**'],
    rules: forbid(
      [...nodeBuiltins, '**/main/**', '**/renderer/**'],
      'The preload exposes the contract and nothing else.',
    ),
  },
  {
    files: ['bench/**', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The Electron stand-in is CommonJS on purpose: require() and import must load one copy.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
)
