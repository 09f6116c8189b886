/**
 * The store factory (STYLE.md §4): one zustand store composed from slices. There is no
 * module-level store: `main.ts` creates one per page, every test and every embed its own.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState, SliceCreator, UrlSlice } from './app-state';
import { createDataSlice, knownIds } from './data-slice';
import { createFiltersSlice } from './filters-slice';
import { createLocaleSlice } from './locale-slice';
import { createSelectionSlice } from './selection-slice';
import { createTimelineSlice } from './timeline-slice';
import { createUiSlice } from './ui-slice';
import { DEFAULT_URL_STATE, sanitizeAgainstAtlas, type UrlState } from './url-codec';
import { storeFieldsFromUrlState } from './url-state-fields';

export { storeFieldsFromUrlState };

export type AppStore = StoreApi<AppState>;

const createUrlSlice: SliceCreator<UrlSlice> = (set, get) => ({
  applyUrlState: (url) => {
    const atlas = get().atlas;
    set(storeFieldsFromUrlState(atlas ? sanitizeAgainstAtlas(url, knownIds(atlas)) : url));
  },
});

/**
 * Creates a store, optionally seeded from a parsed URL (`parseUrlState(location.search)`).
 * Pass only values that went through the codec: they are trusted here.
 * @example const store = createAppStore(parseUrlState(window.location.search));
 */
export function createAppStore(initial: Partial<UrlState> = {}): AppStore {
  const seed = storeFieldsFromUrlState({ ...DEFAULT_URL_STATE, ...initial });
  return createStore<AppState>()((...a) => ({
    ...createFiltersSlice(seed.filters)(...a),
    ...createSelectionSlice(seed.selectedId)(...a),
    ...createTimelineSlice(seed.asOfDate)(...a),
    ...createLocaleSlice(seed.lang)(...a),
    ...createDataSlice()(...a),
    ...createUiSlice(seed.embed, seed.frameBounds)(...a),
    ...createUrlSlice(...a),
  }));
}
