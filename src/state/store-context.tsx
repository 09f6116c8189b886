/**
 * React access to the store: components read it from context, never from a module singleton,
 * so every embed and every test renders against its own store.
 */
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AppState } from './app-state';
import type { AppStore } from './create-app-store';

const StoreContext = createContext<AppStore | null>(null);
/** The state the page's markup was rendered from (see `useAppStore`); null outside hydration. */
const MarkupStateContext = createContext<AppState | null>(null);

/**
 * `markupState`: when React hydrates prerendered markup, the state that markup shows — the
 * store's state as hydration begins (src/app/mount.tsx). Parts that hydrate later (the deferred
 * panels, app/lazy-panels.tsx) hydrate against it, whatever the reader has changed since.
 */
export function AppStoreProvider({ store, markupState = null, children }: { store: AppStore; markupState?: AppState | null; children: ReactNode }) {
  return (
    <StoreContext.Provider value={store}>
      <MarkupStateContext.Provider value={markupState}>{children}</MarkupStateContext.Provider>
    </StoreContext.Provider>
  );
}

/** The store itself, for actions and subscriptions. Throws outside an `AppStoreProvider`. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore: no AppStoreProvider above this component');
  return store;
}

/**
 * Reads a slice of state with a named selector; re-renders when its result changes (by `Object.is`).
 * Like zustand's `useStore`, except for what server rendering and hydration read (React's
 * "server snapshot"), which is not the state the store was created with:
 * - server rendering (the build's prerender) reads the store's current state, which holds the
 *   default view with the data loaded;
 * - hydration reads the state the markup was rendered from (`markupState`), so a part that
 *   hydrates after the reader changed something (the language, a filter, a selection: e.g. a
 *   deferred panel whose code came later) matches its markup, and React then renders it with
 *   the current state — no mismatch, no content thrown away.
 * @example const visible = useAppStore(selectVisibleProjects);
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useAppStoreApi();
  const markupState = useContext(MarkupStateContext);
  const read = useCallback(() => selector(store.getState()), [store, selector]);
  const readMarkup = useCallback(() => selector(markupState ?? store.getState()), [store, markupState, selector]);
  return useSyncExternalStore(store.subscribe, read, readMarkup);
}
