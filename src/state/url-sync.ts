/**
 * The one module that touches `history` (STYLE.md §6). It keeps the address bar equal to
 * `serializeUrlState(selectUrlState(store))`:
 * - discrete changes (a filter ticked, a project selected, the language) → `pushState`, so the
 *   browser's back and forward buttons step through views;
 * - continuous changes (the date slider, the distance slider, typing a search): the first step
 *   of a gesture pushes one entry, the following steps `replaceState` it, debounced, so a drag
 *   makes one history entry, not hundreds;
 * - Play (store `playing`): its first date step pushes one entry, every later step replaces it,
 *   so a whole play-through is one history entry (issue 13 §6);
 * - corrections when data arrives (unknown ids dropped) → `replaceState`;
 * - `popstate` → the parsed URL is applied to the store.
 * Inside a frame (an embed) every write is a `replaceState`: a frame's history entries join the
 * embedding page's, and the article's back button must not step the map.
 * The hash (MapLibre's camera `#zoom/lat/lon`) is left as it is.
 */
import type { AppStore } from './create-app-store';
import { selectUrlState } from './selectors';
import { parseUrlState, serializeUrlState, URL_KEYS, type UrlKey, type UrlState } from './url-codec';

/** Keys changed by sliders and typing: grouped into one history entry per gesture. */
const CONTINUOUS_KEYS: ReadonlySet<UrlKey> = new Set<UrlKey>(['date', 'within', 'q']);

export interface UrlSyncOptions {
  /** The window whose history to drive (a test passes a happy-dom window). */
  window?: Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;
  /** Quiet time that ends a slider/typing gesture, in ms. */
  debounceMs?: number;
  /** Never push history entries; default: true inside a frame. */
  replaceOnly?: boolean;
}

function changedKeys(a: UrlState, b: UrlState): UrlKey[] {
  return URL_KEYS.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/**
 * Starts syncing; returns a function that stops it (and flushes a pending replace).
 * Call after `createAppStore(parseUrlState(location.search))`.
 */
export function startUrlSync(store: AppStore, options: UrlSyncOptions = {}): () => void {
  const win = options.window ?? window;
  const debounceMs = options.debounceMs ?? 300;
  const framed = 'parent' in win && (win as Window).parent !== (win as unknown);
  const replaceOnly = options.replaceOnly ?? framed;
  let current = serializeUrlState(selectUrlState(store.getState()));
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let applyingPop = false;
  /** A play-through has pushed its one history entry. */
  let playEntry = false;

  const urlFor = (query: string) => `${win.location.pathname}${query ? `?${query}` : ''}${win.location.hash}`;
  const write = (mode: 'push' | 'replace', query: string) => {
    if (mode === 'push' && !replaceOnly) win.history.pushState(null, '', urlFor(query));
    else win.history.replaceState(win.history.state, '', urlFor(query));
  };
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending !== null) write('replace', pending);
    pending = null;
  };

  // Canonical form from the start: malformed or default params vanish from the address bar.
  if (win.location.search.replace(/^\?/, '') !== current) write('replace', current);

  const unsubscribe = store.subscribe((state, prev) => {
    if (!state.playing) playEntry = false;
    if (applyingPop) return;
    const next = selectUrlState(state);
    const query = serializeUrlState(next);
    if (query === current) return;
    const keys = changedKeys(selectUrlState(prev), next);
    current = query;
    if (state.atlas !== prev.atlas) {
      flush();
      write('replace', query);
      return;
    }
    if (state.playing && keys.length > 0 && keys.every((k) => k === 'date')) {
      flush();
      write(playEntry ? 'replace' : 'push', query);
      playEntry = true;
      return;
    }
    if (keys.length === 0 || !keys.every((k) => CONTINUOUS_KEYS.has(k))) {
      flush();
      write('push', query);
      return;
    }
    if (timer === null) write('push', query);
    else pending = query;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });

  const onPopState = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
    applyingPop = true;
    try {
      store.getState().applyUrlState(parseUrlState(win.location.search));
    } finally {
      applyingPop = false;
    }
    current = serializeUrlState(selectUrlState(store.getState()));
    if (win.location.search.replace(/^\?/, '') !== current) write('replace', current);
  };
  win.addEventListener('popstate', onPopState);

  return () => {
    flush();
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
  };
}
