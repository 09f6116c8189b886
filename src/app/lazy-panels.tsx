/**
 * Panels split out of the first-load script: the details of a selection, the summary bars
 * (d3-scale) and the export builders. The build prerenders what they show in the default view
 * (react-dom/static waits for them). In the browser the summary's and the export tools' code is
 * fetched a little later — once the map has drawn its first view, or after AFTER_START_MS at the
 * latest, never waiting on the map beyond that, or at once when the reader changes the view —
 * and meanwhile hydration leaves their prerendered markup in place (a suspended boundary keeps
 * its server HTML). They hydrate against the state that markup shows, then show the current one
 * (state/store-context.tsx `markupState`).
 */
import { createElement, lazy, memo, Suspense, useEffect, useState, type ComponentType } from 'react';
import { MAP_IDLE_EVENT, mapFailed } from '../map/map-handle';
import { selectUrlState } from '../state/selectors';
import { useAppStore, useAppStoreApi } from '../state/store-context';

/** The latest the deferred panels' code waits for the map's first view. */
const AFTER_START_MS = 3000;
let started: Promise<void> | null = null;
let startNow: () => void = () => undefined;

/**
 * Resolves once the first view's work is done (map idle or failed), AFTER_START_MS passed, or
 * the reader changed the view (`startNow`); at once outside a browser.
 */
function afterStart(): Promise<void> {
  if (typeof window === 'undefined') return Promise.resolve();
  started ??= new Promise<void>((resolve) => {
    startNow = resolve;
    if (window.__mapIdle !== undefined || mapFailed()) return resolve();
    window.addEventListener(MAP_IDLE_EVENT, () => resolve(), { once: true });
    setTimeout(resolve, AFTER_START_MS);
  });
  return started;
}

/**
 * While a deferred panel still shows its prerendered markup, a change of the view (language,
 * filters, date, selection) fetches its code at once: the markup is of the view before, and
 * only the panel's code can show the new one.
 */
function useCodeOnViewChange(waiting: boolean): void {
  const store = useAppStoreApi();
  useEffect(() => {
    if (!waiting) return;
    // selectUrlState is memoised: the same object while the view is the same (a hover is not a change).
    const first = selectUrlState(store.getState());
    const stop = store.subscribe((s) => {
      if (selectUrlState(s) === first) return;
      stop();
      startNow();
    });
    return stop;
  }, [store, waiting]);
}

const DetailPanel = lazy(() => import('../panels/detail-panel').then((m) => ({ default: m.DetailPanel })));

/**
 * A panel whose code comes after the first view: `load()` fetches it (once), `Panel` renders it.
 * `Panel` decides once, at its first render: code already loaded (a view rendered afresh, after
 * `preloadDeferredPanels()`) renders directly; else a boundary, which during hydration keeps the
 * prerendered markup until the code is in. Memoised: a parent's re-render (e.g. the language)
 * must not reach a boundary still waiting to hydrate, which React would then give up and render
 * afresh (empty until the code is in); the change fetches the code at once instead.
 */
function deferredPanel<M>(importer: () => Promise<M>, pick: (m: M) => ComponentType) {
  let loaded: M | null = null;
  let code: Promise<M> | null = null;
  const load = () => (code ??= importer().then((m) => (loaded = m)));
  const Lazy = lazy(() => afterStart().then(load).then((m) => ({ default: pick(m) })));
  const Panel = memo(function DeferredPanel() {
    const [ready] = useState(() => loaded);
    useCodeOnViewChange(ready === null);
    if (ready) return createElement(pick(ready));
    return (
      <Suspense fallback={null}>
        <Lazy />
      </Suspense>
    );
  });
  return { load, Panel };
}

const summary = deferredPanel(() => import('../panels/status-summary'), (m) => m.StatusSummary);
const exportTools = deferredPanel(() => import('../panels/export-buttons'), (m) => m.ExportButtons);

/**
 * Loads the deferred panels' code now. mount.tsx awaits it before rendering a view afresh (no
 * prerendered markup to keep meanwhile), so the summary and the export tools are there in the
 * first frame instead of pushing the list down when they arrive.
 */
export function preloadDeferredPanels(): Promise<void> {
  return Promise.all([summary.load(), exportTools.load()]).then(() => undefined);
}

/** The detail panel's code is fetched only once something is selected. */
export function LazyDetailPanel() {
  const selected = useAppStore((s) => s.selectedId !== null);
  if (!selected) return null;
  return (
    <Suspense fallback={null}>
      <DetailPanel />
    </Suspense>
  );
}

/** Summary bars and export tools (code after the first view, see above). */
export const LazyStatusSummary = summary.Panel;
export const LazyExportButtons = exportTools.Panel;
