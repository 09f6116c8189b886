// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ProjectList, WINDOW_ABOVE, windowRange } from '../../../src/panels/project-list';
import { createAppStore } from '../../../src/state/create-app-store';
import { AppStoreProvider } from '../../../src/state/store-context';
import { parseUrlState } from '../../../src/state/url-codec';
import type { Atlas } from '../../../src/domain/types';
import { FIXTURE_DATE, smallAtlas } from '../../fixtures/projects/small-atlas';
import { reactDomPerTest } from '../../fixtures/react-dom';

describe('windowRange', () => {
  const base = { count: 10_000, rowPx: 60, listTop: 400, viewPx: 800, overscan: 8, keep: null };
  it('covers the scrolled view plus the overscan, clamped to the list', () => {
    expect(windowRange({ ...base, scrollTop: 0 })).toEqual({ first: 0, last: 15 });
    // 6000 px scrolled: list pixels 5600–6400 → rows 93–107, ±8.
    expect(windowRange({ ...base, scrollTop: 6000 })).toEqual({ first: 85, last: 115 });
    expect(windowRange({ ...base, scrollTop: 10_000 * 60 + 5000 })).toEqual({ first: 10_000, last: 10_000 });
    expect(windowRange({ ...base, count: 3, scrollTop: 0 })).toEqual({ first: 0, last: 3 });
  });
  it('keeps a requested row rendered even far from the view', () => {
    expect(windowRange({ ...base, scrollTop: 0, keep: 5000 })).toEqual({ first: 0, last: 5001 });
    expect(windowRange({ ...base, scrollTop: 6000, keep: 2 })).toEqual({ first: 2, last: 115 });
  });
});

/** The small atlas's projects copied `n` times (distinct ids), as a long list. */
function bigAtlas(n: number): Atlas {
  const a = smallAtlas();
  const projects = Array.from({ length: n }, (_, i) => {
    const p = a.projects[i % a.projects.length]!;
    return { ...p, id: `${p.id}-${String(i).padStart(5, '0')}` };
  });
  const analysis = new Map([...projects].map((p) => [p.id, a.analysis.get(p.id.replace(/-\d{5}$/, ''))!]));
  return { ...a, projects, analysis };
}

const dom = reactDomPerTest();

function render(atlas: Atlas) {
  const store = createAppStore(parseUrlState(`date=${FIXTURE_DATE}`));
  store.getState().setData({ atlas, issues: [] });
  const container = dom.render(
    <AppStoreProvider store={store}>
      <ProjectList />
    </AppStoreProvider>,
  );
  return { store, el: container };
}

const rows = (el: HTMLElement) => [...el.querySelectorAll<HTMLLIElement>('.project-list__row')];

describe('ProjectList windowing', () => {
  it('renders every row of a short list, each with its place in the list', () => {
    const { el } = render(smallAtlas());
    const r = rows(el);
    expect(r).toHaveLength(smallAtlas().projects.length);
    expect(r.map((li) => li.getAttribute('aria-posinset'))).toEqual(r.map((_, i) => String(i + 1)));
    expect(new Set(r.map((li) => li.getAttribute('aria-setsize')))).toEqual(new Set([String(r.length)]));
  });

  it('renders a bounded window of a long list, telling the whole size', () => {
    const n = 5000;
    expect(n).toBeGreaterThan(WINDOW_ABOVE);
    const { el } = render(bigAtlas(n));
    const r = rows(el);
    expect(r.length).toBeGreaterThan(0);
    expect(r.length).toBeLessThan(100);
    expect(r[0]!.getAttribute('aria-setsize')).toBe(String(n));
    expect(r[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(el.textContent).toContain('5000');
  });

  it('moves focus with the keys, rendering rows beyond the window (End)', () => {
    const { el } = render(bigAtlas(5000));
    const first = el.querySelector<HTMLButtonElement>('[data-index="0"]')!;
    first.focus();
    act(() => first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(document.activeElement?.getAttribute('data-index')).toBe('1');
    act(() => (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    expect(document.activeElement?.getAttribute('data-index')).toBe('4999');
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe('5000');
  });

  it('brings a project selected elsewhere (the map) into the rendered rows', () => {
    const { store, el } = render(bigAtlas(5000));
    const target = store.getState().atlas!.projects[4321]!.id;
    act(() => store.getState().select(target));
    expect(el.querySelector(`[data-project-id="${target}"]`)).not.toBeNull();
  });
});
