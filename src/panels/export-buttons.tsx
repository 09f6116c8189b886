/**
 * CSV and GeoJSON downloads of exactly what is filtered, in the list's order, with status and
 * progress on the as-of date and distance/chainage to the chosen corridor. File names carry the
 * date and the filter (`exportFileName`).
 */
import { useId, useState } from 'react';
import { projectsToCsv } from '../domain/export-csv';
import { exportFileName } from '../domain/export-file-name';
import { projectsToGeoJson } from '../domain/export-geojson';
import { buildExportRows } from '../domain/export-rows';
import { formatDate } from '../i18n/format';
import { translate } from '../i18n/translate';
import { selectAsOfDate, selectSortedVisibleProjects } from '../state/selectors';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { downloadTextFile } from './download-file';

export function ExportButtons() {
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const n = useAppStore((s) => selectSortedVisibleProjects(s).length);
  const asOfDate = useAppStore(selectAsOfDate);
  const ready = useAppStore((s) => s.dataStatus === 'ready');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const exportAs = (format: 'csv' | 'geojson') => {
    const state = store.getState();
    const date = selectAsOfDate(state);
    if (!state.atlas || date === null) return;
    try {
      const projects = selectSortedVisibleProjects(state);
      const rows = buildExportRows(projects, {
        analysis: state.atlas.analysis,
        sources: state.atlas.sources,
        asOfDate: date,
        corridorId: state.filters.corridorId,
        zones: state.atlas.zones,
      });
      const name = exportFileName(date, state.filters, format);
      if (format === 'csv') downloadTextFile(name, projectsToCsv(rows), 'text/csv;charset=utf-8');
      else downloadTextFile(name, `${JSON.stringify(projectsToGeoJson(projects, rows), null, 1)}\n`, 'application/geo+json;charset=utf-8');
      setError(null);
    } catch (e) {
      console.error('CDMZ Atlas: export failed', e);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="exports" aria-labelledby={`${id}-title`} data-testid="export-buttons">
      <h2 id={`${id}-title`} className="exports__title">
        {translate(lang, 'export.title')}
      </h2>
      <div className="exports__buttons">
        <button type="button" className="button" disabled={!ready} onClick={() => exportAs('csv')} data-testid="export-csv">
          {translate(lang, 'export.csv')}
        </button>
        <button type="button" className="button" disabled={!ready} onClick={() => exportAs('geojson')} data-testid="export-geojson">
          {translate(lang, 'export.geojson')}
        </button>
      </div>
      {asOfDate !== null ? <p className="exports__note">{translate(lang, 'export.note', { n, date: formatDate(lang, asOfDate) })}</p> : null}
      <p className="exports__open-data" data-testid="open-data">
        {translate(lang, 'export.openData')}{' '}
        <a href="data/atlas.geojson" type="application/geo+json">GeoJSON</a> · <a href="data/atlas.csv" type="text/csv">CSV</a> ·{' '}
        <a href="data/datapackage.json" type="application/json">{translate(lang, 'export.dataPackage')}</a> · <a href="data/LICENSE" type="text/plain">{translate(lang, 'export.licence')}</a>
      </p>
      {error !== null ? (
        <p className="exports__error" role="alert">
          {translate(lang, 'export.failed', { message: error })}
        </p>
      ) : null}
    </section>
  );
}
