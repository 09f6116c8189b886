/**
 * Panels split out of the first-load script: the details of a selection, the summary bars
 * (d3-scale) and the export builders. The build prerenders what they show in the default view
 * (react-dom/static waits for them). In the browser the summary's and the export tools' code is
 * fetched a little later — once the map has drawn its first view, or after AFTER_START_MS at the
 * latest, never waiting on the map beyond that — and meanwhile hydration leaves their
 * prerendered markup in place (a suspended boundary keeps its server HTML).
 */
import { lazy, memo, Suspense, useState } from 'react';
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

type SummaryModule = typeof import('../panels/status-summary');
type ExportsModule = typeof import('../panels/export-buttons');
/** The deferred modules once loaded (read at a boundary's first render, see below). */
const loaded: { summary: SummaryModule | null; exports: ExportsModule | null } = { summary: null, exports: null };
let summaryCode: Promise<SummaryModule> | null = null;
let exportsCode: Promise<ExportsModule> | null = null;
const loadSummary = () => (summaryCode ??= import('../panels/status-summary').then((m) => (loaded.summary = m)));
const loadExports = () => (exportsCode ??= import('../panels/export-buttons').then((m) => (loaded.exports = m)));

/**
 * Loads the deferred panels' code now. mount.tsx awaits it before rendering a view afresh (no
 * prerendered markup to keep meanwhile), so the summary and the export tools are there in the
 * first frame instead of pushing the list down when they arrive.
 */
export function preloadDeferredPanels(): Promise<void> {
  return Promise.all([loadSummary(), loadExports()]).then(() => undefined);
}

const StatusSummary = lazy(() => afterStart().then(loadSummary).then((m) => ({ default: m.StatusSummary })));
const ExportButtons = lazy(() => afterStart().then(loadExports).then((m) => ({ default: m.ExportButtons })));

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
  // Decided once: the code already loaded (a view rendered afresh) renders it directly; else a
  // boundary (hydration keeps the prerendered markup until the code is in).
  const [ready] = useState(() => loaded.summary);
  if (ready) return <ready.StatusSummary />;
  return (
    <Suspense fallback={null}>
      <StatusSummary />
    </Suspense>
  );
});

export const LazyExportButtons = memo(function LazyExportButtons() {
  const [ready] = useState(() => loaded.exports);
  if (ready) return <ready.ExportButtons />;
  return (
    <Suspense fallback={null}>
      <ExportButtons />
    </Suspense>
  );
});
