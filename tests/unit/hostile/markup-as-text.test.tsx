// @vitest-environment happy-dom
/**
 * Issue 7 §3: strings holding HTML or script, in any data field, are shown as text. Every string
 * of a small atlas (names, aliases, notes, quotes, facts, sources) and a data-problem message get
 * the payload; the panels render it; no element is created from it and nothing runs.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { DataIssues } from '../../../src/app/data-issues';
import type { Atlas } from '../../../src/domain/types';
import { DetailPanel } from '../../../src/panels/detail-panel';
import { ProjectList } from '../../../src/panels/project-list';
import { createAppStore } from '../../../src/state/create-app-store';
import { AppStoreProvider } from '../../../src/state/store-context';
import { parseUrlState } from '../../../src/state/url-codec';
import { smallAtlas } from '../../fixtures/projects/small-atlas';

const PAYLOAD = '<img src=x onerror="globalThis.__xss=1"><script>globalThis.__xss=2</script>';
const KEEP = new Set(['id', 'source', 'date', 'status', 'category', 'evidence', 'kind', 'url', 'key', 'type', 'geometry_accuracy', 'accuracy', 'cities', 'counties', 'date_precision']);

/** Appends the payload to every free-text string (ids, enums and dates stay valid). */
function poison(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return KEEP.has(key) ? value : `${value} ${PAYLOAD}`;
  if (Array.isArray(value)) return KEEP.has(key) ? value : value.map((v) => poison(v, key === 'aliases' ? 'alias' : ''));
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, poison(v)]));
  if (value && typeof value === 'object') {
    if ('coordinates' in value || 'geometries' in value) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  }
  return value;
}

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

it('names, notes, quotes, facts, sources and data messages with markup are rendered as text', () => {
  const clean = smallAtlas();
  const atlas = { ...clean, projects: poison(clean.projects) as Atlas['projects'], sources: poison(clean.sources) as Atlas['sources'] };
  const target = atlas.projects[0];
  if (!target) throw new Error('fixture has no project');
  expect(target.name_en).toContain(PAYLOAD);
  for (const lang of ['en', 'zh']) {
    const store = createAppStore(parseUrlState(`?lang=${lang}&sel=${target.id}`));
    store.getState().setData({ atlas, issues: [{ file: 'data/projects.json', id: PAYLOAD, field: 'name_en', message: `bad value ${PAYLOAD}`, severity: 'warning' }] });
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() =>
      root!.render(
        <AppStoreProvider store={store}>
          <DataIssues />
          <DetailPanel />
          <ProjectList />
        </AppStoreProvider>,
      ),
    );
    const text = container.textContent ?? '';
    expect(text).toContain(PAYLOAD);
    expect(text).toContain(lang === 'en' ? target.name_en : target.name_zh);
    expect(container.querySelectorAll('img, script, iframe, object, embed').length).toBe(0);
    expect(container.querySelectorAll('[onerror], [onload], [onclick]').length).toBe(0);
    expect(container.innerHTML).toContain('&lt;img src=x');
    expect((globalThis as { __xss?: unknown }).__xss).toBeUndefined();
    act(() => root?.unmount());
    root = null;
    container.remove();
  }
});
