/**
 * The map's first view comes first: the panels that fill the side bar and the map's corners
 * (filters, list, legend, slider) render once the map has first been idle, or has given up, so
 * their rendering does not compete with MapLibre's start on the main thread. Panels a first view
 * does not need at all (the details of a selection, the summary bars with d3-scale, the export
 * builders) are also split out of the first-load script.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { MAP_IDLE_EVENT, mapFailed } from '../map/map-handle';
import { useAppStore } from '../state/store-context';

/** True once the map has first been idle (or cannot draw at all): then render the rest. */
export function useAfterFirstView(): boolean {
  const [ready, setReady] = useState(() => window.__mapIdle !== undefined || mapFailed());
  useEffect(() => {
    if (ready) return;
    const done = () => setReady(true);
    window.addEventListener(MAP_IDLE_EVENT, done, { once: true });
    return () => window.removeEventListener(MAP_IDLE_EVENT, done);
  }, [ready]);
  return ready;
}

const DetailPanel = lazy(() => import('../panels/detail-panel').then((m) => ({ default: m.DetailPanel })));
const StatusSummary = lazy(() => import('../panels/status-summary').then((m) => ({ default: m.StatusSummary })));
const ExportButtons = lazy(() => import('../panels/export-buttons').then((m) => ({ default: m.ExportButtons })));

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

/** Summary bars and export tools: their code loads when the panel first shows them (after the first view). */
export const LazyStatusSummary = () => (
  <Suspense fallback={null}>
    <StatusSummary />
  </Suspense>
);

export const LazyExportButtons = () => (
  <Suspense fallback={null}>
    <ExportButtons />
  </Suspense>
);
