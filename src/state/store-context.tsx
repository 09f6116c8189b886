/**
 * React access to the store: components read it from context, never from a module singleton,
 * so every embed and every test renders against its own store.
 */
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AppState } from './app-state';
import type { AppStore } from './create-app-store';

const StoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for actions and subscriptions. Throws outside an `AppStoreProvider`. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore: no AppStoreProvider above this component');
  return store;
}

/**
 * Reads a slice of state with a named selector; re-renders when its result changes (by `Object.is`).
 * Like zustand's `useStore`, except that server rendering and hydration read the store's CURRENT
 * state, not the state it was created with: the build prerenders the default view with the data
 * loaded, and the client hydrates once its store holds the same (src/main.ts).
 * @example const visible = useAppStore(selectVisibleProjects);
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useAppStoreApi();
  const read = useCallback(() => selector(store.getState()), [store, selector]);
  return useSyncExternalStore(store.subscribe, read, read);
}
