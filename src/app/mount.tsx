/**
 * Renders the React shell (<Root/>: the full app or the embed) into #root. main.ts imports this
 * module right away (the HTML preloads it) and calls `mountShell` once the data is in.
 *
 * `hydrate`: the page holds the build's prerendered default view (src/app/prerender.tsx) and the
 * store is in that view, so React adopts the markup (`hydrateRoot`). Otherwise (the URL asks for
 * another view, the data failed, a page without prerendered markup) it renders afresh
 * (`createRoot` replaces the markup; public/view-check.js has kept it hidden meanwhile).
 */
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import type { BaseMapResult } from '../data/load-base-map';
import type { AppStore } from '../state/create-app-store';
import { AppStoreProvider } from '../state/store-context';
import { Root } from './root';
import { preloadDeferredPanels } from './lazy-panels';
import { stopNotingClicks } from './early-input';

export interface MountOptions {
  hydrate: boolean;
  /** The poster map's markup, read from the prerendered page (see map-poster.tsx). */
  poster: string;
}

export function mountShell(rootEl: HTMLElement, store: AppStore, baseMap: Promise<BaseMapResult>, { hydrate, poster }: MountOptions): void {
  const app = (
    <StrictMode>
      <AppStoreProvider store={store} markupState={hydrate ? store.getState() : null}>
        <Root baseMap={baseMap} poster={poster} />
      </AppStoreProvider>
    </StrictMode>
  );
  // React's root listens to the page's events from its creation: clicks are its own from here.
  stopNotingClicks();
  if (hydrate) {
    performance.mark('cdmz:hydrate');
    // In a transition, React hydrates in slices of a few milliseconds and yields to the browser
    // between them (a transition lane is not a blocking one), instead of one long task: a tap
    // during hydration is answered sooner, and the page is never frozen for the whole tree. The
    // markup is already on screen, so nothing waits for it to finish. A tap on a part not yet
    // hydrated makes React finish at once; a change of a control that React would still miss
    // (made before it had the control) is replayed in the hydrating commit (early-input.ts).
    startTransition(() => {
      hydrateRoot(rootEl, app, {
        // A mismatch is a bug (the build and the client disagree about the default view): say so.
        onRecoverableError: (error, info) => console.error('CDMZ Atlas: hydration problem', error, info.componentStack ?? ''),
      });
    });
  } else {
    // No prerendered markup to keep: the deferred panels' code first, so the view is whole in
    // its first frame (lazy-panels.tsx). If it fails, the panels load as usual (or say so).
    void preloadDeferredPanels()
      .catch(() => undefined)
      .then(() => {
        performance.mark('cdmz:render');
        createRoot(rootEl).render(app);
      });
  }
}
