import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import { startUrlSync } from '../../../src/state/url-sync';
import { parseUrlState } from '../../../src/state/url-codec';
import { smallAtlas } from '../../fixtures/projects/small-atlas';

/** A minimal window with a real history stack, so back/forward can be simulated. */
function fakeWindow(initialSearch: string, hash = '#9/30.6/104.1') {
  const entries = [{ search: initialSearch, hash }];
  let index = 0;
  const listeners = new Set<() => void>();
  const calls: string[] = [];
  const location = {
    pathname: '/atlas/',
    get search() {
      return entries[index]!.search;
    },
    get hash() {
      return entries[index]!.hash;
    },
  };
  const parse = (url: string) => {
    const u = new URL(url, 'http://x');
    return { search: u.search, hash: u.hash };
  };
  const history = {
    state: null,
    pushState: (_s: unknown, _t: string, url: string) => {
      entries.splice(index + 1, Infinity, parse(url));
      index++;
      calls.push(`push ${url}`);
    },
    replaceState: (_s: unknown, _t: string, url: string) => {
      entries[index] = parse(url);
      calls.push(`replace ${url}`);
    },
  };
  const win = {
    location,
    history,
    addEventListener: (type: string, fn: () => void) => type === 'popstate' && listeners.add(fn),
    removeEventListener: (type: string, fn: () => void) => type === 'popstate' && listeners.delete(fn),
  };
  const go = (delta: number) => {
    index += delta;
    for (const fn of listeners) fn();
  };
  return { win: win as unknown as Window, calls, go, entries: () => entries.map((e) => e.search), current: () => location.search };
}

describe('startUrlSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('canonicalises a damaged link on start, keeping the camera hash', () => {
    const w = fakeWindow('?within=99&cat=road,bogus,rail&lang=fr');
    const store = createAppStore(parseUrlState(w.current()));
    startUrlSync(store, { window: w.win });
    expect(w.calls).toEqual(['replace /atlas/?cat=rail,road#9/30.6/104.1']);
  });

  it('pushes discrete changes so back and forward restore them', () => {
    const w = fakeWindow('');
    const store = createAppStore();
    startUrlSync(store, { window: w.win });
    store.getState().toggleStatus('complete');
    store.getState().select('p-rail-a');
    expect(w.entries()).toEqual(['', '?status=complete', '?status=complete&sel=p-rail-a']);
    w.go(-1);
    expect(store.getState().selectedId).toBeNull();
    expect(store.getState().filters.statuses).toEqual(['complete']);
    w.go(-1);
    expect(store.getState().filters.statuses).toEqual([]);
    w.go(2);
    expect(store.getState().selectedId).toBe('p-rail-a');
    expect(w.calls.filter((c) => c.startsWith('push'))).toHaveLength(2);
  });

  it('makes one history entry per slider gesture, replacing it (debounced) while it moves', () => {
    const w = fakeWindow('');
    const store = createAppStore();
    startUrlSync(store, { window: w.win, debounceMs: 200 });
    store.getState().setAsOfDate('2023-01-01');
    store.getState().setAsOfDate('2023-02-01');
    store.getState().setAsOfDate('2023-03-01');
    expect(w.entries()).toEqual(['', '?date=2023-01-01']);
    vi.advanceTimersByTime(250);
    expect(w.entries()).toEqual(['', '?date=2023-03-01']);
    store.getState().setAsOfDate('2023-04-01');
    expect(w.entries()).toEqual(['', '?date=2023-03-01', '?date=2023-04-01']);
  });

  it('keeps ONE history entry for a whole play-through, however slow its steps (issue 13 §6)', () => {
    const w = fakeWindow('?date=2022-06-01');
    const store = createAppStore(parseUrlState(w.current()));
    startUrlSync(store, { window: w.win, debounceMs: 200 });
    store.getState().setPlaying(true);
    for (let i = 1; i <= 47; i++) {
      store.getState().setAsOfDate(`2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`);
      vi.advanceTimersByTime(1200);
    }
    store.getState().setPlaying(false);
    const last = w.current();
    expect(w.entries()).toEqual(['?date=2022-06-01', last]);
    // Back returns to the date before Play.
    w.go(-1);
    expect(store.getState().asOfDate).toBe('2022-06-01');
  });

  it('a second play-through after the first one ended is an entry of its own', () => {
    const w = fakeWindow('');
    const store = createAppStore();
    startUrlSync(store, { window: w.win, debounceMs: 200 });
    for (const run of [['2023-01-01', '2023-01-08'], ['2024-01-01', '2024-01-08']]) {
      store.getState().setPlaying(true);
      for (const d of run) {
        store.getState().setAsOfDate(d);
        vi.advanceTimersByTime(1000);
      }
      store.getState().setPlaying(false);
    }
    expect(w.entries()).toEqual(['', '?date=2023-01-08', '?date=2024-01-08']);
  });

  it('flushes a pending slider value before a discrete change', () => {
    const w = fakeWindow('');
    const store = createAppStore();
    startUrlSync(store, { window: w.win });
    store.getState().setAsOfDate('2023-01-01');
    store.getState().setAsOfDate('2023-02-01');
    store.getState().toggleCity('deyang');
    expect(w.entries()).toEqual(['', '?date=2023-02-01', '?date=2023-02-01&city=deyang']);
  });

  it('replaces (does not push) when loaded data drops unknown ids, and ignores hover', () => {
    const w = fakeWindow('?sel=p-gone&zone=z-qg');
    const store = createAppStore(parseUrlState(w.current()));
    startUrlSync(store, { window: w.win });
    store.getState().hover('p-rail-a');
    store.getState().setData({ atlas: smallAtlas(), issues: [] });
    expect(w.entries()).toEqual(['?zone=z-qg']);
  });

  it('only replaces inside a frame, so the article keeps its back button', () => {
    const w = fakeWindow('');
    (w.win as unknown as { parent: unknown }).parent = {};
    const store = createAppStore();
    startUrlSync(store, { window: w.win });
    store.getState().toggleStatus('complete');
    store.getState().select('p-rail-a');
    expect(w.entries()).toEqual(['?status=complete&sel=p-rail-a']);
    expect(w.calls.every((c) => c.startsWith('replace'))).toBe(true);
  });

  it('stops cleanly', () => {
    const w = fakeWindow('');
    const store = createAppStore();
    const stop = startUrlSync(store, { window: w.win });
    stop();
    store.getState().toggleStatus('complete');
    expect(w.calls).toEqual([]);
  });
});
