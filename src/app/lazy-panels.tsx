/**
 * The map's first view comes first: the panels that fill the side bar and the map's corners
 * (filters, list, legend, slider) render once the map has first been idle, or has given up, so
 * their rendering does not compete with MapLibre's start on the main thread. Panels a first view
 * does not need at all (the details of a selection, the summary bars with d3-scale, the export
 * builders) are also split out of the first-load script.
 */
import { lazy, Suspense } from 'react';
import { useAppStore } from '../state/store-context';

/**
 * Nothing waits for the map (issue 15 §2): the panels render from the data alone. Kept as a hook
 * returning true so the shells need no change until the pre team's hydration rewrite drops it.
 */
export function useAfterFirstView(): boolean {
  return true;
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
