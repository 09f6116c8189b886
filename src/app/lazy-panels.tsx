/**
 * Panels split out of the first-load script: the details of a selection, the summary bars
 * (d3-scale) and the export builders. The build prerenders what they show in the default view
 * (react-dom/static waits for them); the client fetches their code when it hydrates them.
 */
import { lazy, Suspense } from 'react';
import { useAppStore } from '../state/store-context';

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
