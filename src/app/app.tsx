/**
 * The full app: header (title, summary, language, link/embed tools), the map with its legend and
 * date slider, and the side panel (details, filters, summary, exports, list) — which on phones
 * becomes a bottom sheet. The panel is a complete non-map alternative to the map. Everything but
 * the map renders from the data alone, never waiting for the map (issue 15 §2); the build
 * prerenders the default view of all of it (src/app/prerender.tsx).
 */
import { useRef, useState } from 'react';
import type { BaseMapResult } from '../data/load-base-map';
import { translate } from '../i18n/translate';
import { DateSlider } from '../panels/date-slider';
import { FilterPanel } from '../panels/filter-panel';
import { Legend } from '../panels/legend';
import { ProjectList } from '../panels/project-list';
import { useAppStore } from '../state/store-context';
import { AppHeader } from './app-header';
import { DataIssues } from './data-issues';
import { LazyMap } from './lazy-map';
import { LazyDetailPanel, LazyExportButtons, LazyStatusSummary } from './lazy-panels';
import { SelectionAnnouncer, useSelectionEvent } from './selection-event';
import { useSheetCollapsedHeight } from './sheet-height';

export function App({ baseMap, poster }: { baseMap: Promise<BaseMapResult>; poster: string }) {
  const lang = useAppStore((s) => s.lang);
  const status = useAppStore((s) => s.dataStatus);
  // Phones (< 640 px): the panel is a bottom sheet, collapsed or expanded by its handle.
  const [sheetExpanded, setSheetExpanded] = useState(false);
  // Selection is a visible event: details scrolled to their top, heading focused, announced.
  const panelRef = useRef<HTMLElement>(null);
  const announcement = useSelectionEvent(panelRef);
  const mainRef = useRef<HTMLElement>(null);
  useSheetCollapsedHeight(mainRef);
  return (
    <div className="app">
      <a className="skip-link" href="#project-panel">
        {translate(lang, 'app.skip')}
      </a>
      <AppHeader />
      <DataIssues />
      <main ref={mainRef} className="app-main">
        <div className="app-map">
          <LazyMap baseMap={baseMap} poster={poster} />
          <div className="app-map__legend" data-covers-map="">
            <Legend />
          </div>
          <div className="app-map__slider">
            <DateSlider />
          </div>
        </div>
        <aside ref={panelRef} id="project-panel" className="app-panel" aria-label={translate(lang, 'app.panel')} tabIndex={-1} data-sheet={sheetExpanded ? 'expanded' : 'collapsed'}>
          <button
            type="button"
            className="app-panel__handle"
            aria-expanded={sheetExpanded}
            aria-controls="project-panel"
            onClick={() => setSheetExpanded(!sheetExpanded)}
            data-testid="sheet-handle"
          >
            <span className="app-panel__grip" aria-hidden="true" />
            {translate(lang, sheetExpanded ? 'a11y.sheetCollapse' : 'a11y.sheetExpand')}
          </button>
          {status === 'loading' ? <p className="app-panel__loading">{translate(lang, 'app.loading')}</p> : null}
          <LazyDetailPanel />
          <FilterPanel />
          <LazyStatusSummary />
          <LazyExportButtons />
          <ProjectList />
        </aside>
      </main>
      <SelectionAnnouncer text={announcement} />
    </div>
  );
}
