/**
 * Renders the React shell (<Root/>: the full app or the embed). main.ts imports this module
 * once the map has drawn its first view (or given up, or after 3 s), so React's code and first
 * render do not compete with it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { BaseMapResult } from '../data/load-base-map';
import type { AppStore } from '../state/create-app-store';
import { AppStoreProvider } from '../state/store-context';
import { Root } from './root';

export function mountShell(rootEl: HTMLElement, store: AppStore, baseMap: Promise<BaseMapResult>): void {
  createRoot(rootEl).render(
    <StrictMode>
      <AppStoreProvider store={store}>
        <Root baseMap={baseMap} />
      </AppStoreProvider>
    </StrictMode>,
  );
}
