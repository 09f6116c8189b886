import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noMap = { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'Only src/map/ may import maplibre-gl.' };
// One owner of the map (issue 12 §3): only src/map/map-owner.ts calls MapLibre's methods that
// change the map (others read it, or ask the owner through the store or map-handle.ts). A
// syntactic check by method name; `setData` of the store (`getState().setData`) is not the map's.
const MAP_WRITES = [
  'setPixelRatio', 'setFeatureState', 'removeFeatureState', 'setGlobalStateProperty', 'setLayoutProperty', 'setPaintProperty',
  'setFilter', 'setStyle', 'addLayer', 'removeLayer', 'moveLayer', 'addSource', 'removeSource', 'jumpTo', 'flyTo', 'easeTo',
  'fitBounds', 'panTo', 'zoomTo', 'setZoom', 'setCenter', 'triggerRepaint', 'redraw', 'addControl', 'removeControl', 'addImage',
  'removeImage', 'updateImage', 'setMaxBounds', 'setMinZoom', 'setMaxZoom', 'setProjection', 'setTerrain', 'setSky', 'setLight',
  'setMissingStyleImageResolver',
];
const mapWritesOutsideOwner = [
  {
    selector: `CallExpression[callee.property.name=/^(${MAP_WRITES.join('|')})$/]`,
    message: 'Only the map owner (src/map/map-owner.ts) changes the map: ask it through the store or map-handle.ts.',
  },
  {
    selector: "CallExpression[callee.property.name='setData'][callee.object.callee.property.name!='getState']",
    message: 'Only the map owner (src/map/map-owner.ts) changes the map: ask it through the store or map-handle.ts.',
  },
];
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
  { files: ['src/**/*.ts', 'src/**/*.tsx'], ignores: ['src/map/map-owner.ts'], rules: { 'no-restricted-syntax': ['error', ...mapWritesOutsideOwner] } },
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
