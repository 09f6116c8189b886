/**
 * Panels split out of the first-load script: the details of a selection, the summary bars
 * (d3-scale) and the export builders. The build prerenders what they show in the default view
 * (react-dom/static waits for them). In the browser the summary's and the export tools' code is
 * fetched a little later — once the map has drawn its first view, or after AFTER_START_MS at the
 * latest, never waiting on the map beyond that — and meanwhile hydration leaves their
 * prerendered markup in place (a suspended boundary keeps its server HTML).
 */
import { lazy, memo, Suspense } from 'react';
import { MAP_IDLE_EVENT, mapFailed } from '../map/map-handle';
import { useAppStore } from '../state/store-context';

/** The latest the deferred panels' code waits for the map's first view. */
const AFTER_START_MS = 3000;
let started: Promise<void> | null = null;

/** Resolves once the first view's work is done (map idle or failed) or AFTER_START_MS passed; at once outside a browser. */
function afterStart(): Promise<void> {
  if (typeof window === 'undefined') return Promise.resolve();
  started ??= new Promise<void>((resolve) => {
    if (window.__mapIdle !== undefined || mapFailed()) return resolve();
    window.addEventListener(MAP_IDLE_EVENT, () => resolve(), { once: true });
    setTimeout(resolve, AFTER_START_MS);
  });
  return started;
}

const DetailPanel = lazy(() => import('../panels/detail-panel').then((m) => ({ default: m.DetailPanel })));
const StatusSummary = lazy(() => afterStart().then(() => import('../panels/status-summary')).then((m) => ({ default: m.StatusSummary })));
const ExportButtons = lazy(() => afterStart().then(() => import('../panels/export-buttons')).then((m) => ({ default: m.ExportButtons })));

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

/**
 * Summary bars and export tools (code after the first view, see above). Memoised: a parent's
 * re-render (e.g. the language) must not reach a boundary still waiting to hydrate, which React
 * would then give up and render afresh (empty until the code is in).
 */
export const LazyStatusSummary = memo(function LazyStatusSummary() {
  return (
    <Suspense fallback={null}>
      <StatusSummary />
    </Suspense>
  );
});

export const LazyExportButtons = memo(function LazyExportButtons() {
  return (
    <Suspense fallback={null}>
      <ExportButtons />
    </Suspense>
  );
});
