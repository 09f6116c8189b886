import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noMap = { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'Only src/map/ may import maplibre-gl.' };
const layer = (dirs) => dirs.map((d) => ({ group: [`**/${d}/*`, `../${d}/*`, `./${d}/*`], message: `This layer may not import ${d}/.` }));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  // Import boundaries (STYLE.md, "Layout"): arrows point down only.
  { files: ['src/domain/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noMap, ...layer(['app', 'geo', 'data', 'state', 'theme', 'map', 'panels', 'ui', 'i18n', 'cli'])] }] } },
  { files: ['src/geo/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noMap, ...layer(['app', 'data', 'state', 'theme', 'map', 'panels', 'ui', 'i18n', 'cli'])] }] } },
  { files: ['src/data/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noMap, ...layer(['app', 'state', 'theme', 'map', 'panels', 'ui', 'i18n', 'cli'])] }] } },
  { files: ['src/state/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noMap, ...layer(['app', 'map', 'panels', 'ui', 'cli'])] }] } },
  { files: ['src/theme/**', 'src/i18n/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noMap, ...layer(['app', 'state', 'map', 'panels', 'ui', 'cli', 'data'])] }] } },
  { files: ['src/panels/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noMap, ...layer(['app', 'map', 'cli'])] }] } },
  { files: ['src/ui/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noMap, ...layer(['app', 'state', 'map', 'panels', 'data', 'cli'])] }] } },
  { files: ['src/cli/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noMap, ...layer(['app', 'map', 'panels', 'ui', 'state'])] }] } },
);
