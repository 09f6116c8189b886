/**
 * What the exported picture says besides the map (issue 6 §4, issue 13 §7): title, as-of date,
 * the selected project, the active filters in words, a legend of what is ON the map (its
 * categories, its statuses with their symbol fill and line dash, the faded stale sample when a
 * stale status is drawn, the accuracy line styles of its line projects, corridors and zones) and
 * one sources line — in the reader's language, from the same catalogs, palette and symbols as the
 * on-screen legend.
 */
import type { Bbox } from '../geo/bbox-of-positions';
import { geometryParts } from '../geo/geometry-parts';
import { stateOn, type DatedState } from '../domain/state-intervals';
import { CATEGORIES, GEOMETRY_ACCURACY, STATUSES, type Project } from '../domain/types';
import { formatDate, formatNumber } from '../i18n/format';
import { translate, type Lang } from '../i18n/translate';
import { sourcesLine } from '../map/base-style';
import { pictureFileName, type PictureLegendEntry, type PictureLegendSection, type PictureScale, type PictureSpec } from '../map/export-picture';
import type { AppState } from '../state/app-state';
import { selectAsOfDate, selectMappedIds, selectSelectedProject, selectVisibleProjects } from '../state/selectors';
import { ACCURACY_STYLE, BASE_COLORS, STALE_OPACITY, STATUS_KEY_LOOK, STATUS_STYLE } from '../theme/palette';

const isLine = (p: Project) => p.geometry?.type === 'LineString' || p.geometry?.type === 'MultiLineString';

/** The projects drawn on the map on the date (`selectMappedIds`), inside the picture's view when given. */
function drawnOnMap(state: AppState, date: string, view: Bbox | null): Array<{ project: Project; state: DatedState }> {
  const mapped = new Set(selectMappedIds(state));
  const out: Array<{ project: Project; state: DatedState }> = [];
  for (const project of selectVisibleProjects(state)) {
    if (!mapped.has(project.id) || !project.geometry) continue;
    if (view) {
      const b = geometryParts(project.geometry).bbox;
      if (b[0] > view[2] || b[2] < view[0] || b[1] > view[3] || b[3] < view[1]) continue;
    }
    out.push({ project, state: stateOn(project, date) });
  }
  return out;
}

/** The active filters in words ("Category: rail · Status: complete · within 5 km of …"); [] when none. */
export function filterWords(state: AppState, lang: Lang): string[] {
  const f = state.filters;
  const atlas = state.atlas;
  const sep = lang === 'zh' ? '、' : ', ';
  const name = (x: { name_zh: string; name_en: string } | undefined, id: string) => (x ? (lang === 'zh' ? x.name_zh : x.name_en) : id);
  const words: string[] = [];
  if (f.categories.length) words.push(translate(lang, 'picture.f.category', { v: f.categories.map((c) => translate(lang, `category.${c}`)).join(sep) }));
  if (f.statuses.length) words.push(translate(lang, 'picture.f.status', { v: f.statuses.map((s) => translate(lang, `status.${s}`)).join(sep) }));
  if (f.cities.length) words.push(translate(lang, 'picture.f.city', { v: f.cities.map((c) => translate(lang, `city.${c}`)).join(sep) }));
  if (f.counties.length) {
    words.push(translate(lang, 'picture.f.county', { v: f.counties.map((code) => name(atlas?.counties?.get(code), code)).join(sep) }));
  }
  if (f.corridorId && f.withinKm !== null) {
    const corridor = atlas?.corridors.find((c) => c.id === f.corridorId);
    words.push(translate(lang, 'picture.f.within', { km: formatNumber(lang, f.withinKm), corridor: name(corridor, f.corridorId) }));
  }
  if (f.zoneId) words.push(translate(lang, 'picture.f.zone', { v: name(atlas?.zones.find((z) => z.id === f.zoneId), f.zoneId) }));
  if (f.query) words.push(translate(lang, 'picture.f.query', { v: f.query }));
  if (f.evidence === 'observed') words.push(translate(lang, 'picture.f.evidence'));
  return words;
}

/** The one sources line, as plain text (the on-screen line links the OpenStreetMap credit). */
export function sourcesText(lang: Lang): string {
  const { before, osm, after } = sourcesLine(lang);
  return before + osm + after;
}

/**
 * Builds the picture spec for the store's current state; `view` is the map's visible box
 * [west, south, east, north] (the legend keys only what the picture shows), null for all;
 * `leadersDrawn`: the map shows at least one symbol moved aside with its leader (the legend
 * then keys the leader).
 * @example buildPictureSpec(store.getState(), 2).fileName // "cdmz-atlas-2024-12-31@2x.png"
 */
export function buildPictureSpec(state: AppState, scale: PictureScale, view: Bbox | null = null, leadersDrawn = false): PictureSpec {
  const { lang } = state;
  const asOf = selectAsOfDate(state);
  const drawn = asOf ? drawnOnMap(state, asOf, view) : [];
  const categories = new Set(drawn.map((d) => d.project.category));
  const statuses = new Set(drawn.map((d) => d.state.status));
  const anyStale = drawn.some((d) => d.state.stale);
  const lines = drawn.filter((d) => isLine(d.project));
  const accuracies = new Set(lines.map((d) => d.project.geometry_accuracy ?? 'schematic'));

  const legend: PictureLegendSection[] = [];
  if (categories.size) {
    legend.push({
      heading: translate(lang, 'legend.categories'),
      entries: CATEGORIES.filter((c) => categories.has(c)).map((category) => ({ kind: 'symbol', category, status: 'complete', label: translate(lang, `category.${category}`) })),
    });
  }
  if (statuses.size) {
    const entries: PictureLegendEntry[] = STATUSES.filter((s) => statuses.has(s)).map((status) => ({
      kind: 'symbol',
      category: 'platform',
      status,
      look: STATUS_KEY_LOOK,
      // Line dashes only when lines are on the map.
      ...(lines.length ? { dash: STATUS_STYLE[status].dash } : {}),
      label: translate(lang, `status.${status}`),
    }));
    if (anyStale) {
      entries.push({
        kind: 'symbol',
        category: 'platform',
        status: 'under-construction',
        look: STATUS_KEY_LOOK,
        ...(lines.length ? { dash: STATUS_STYLE['under-construction'].dash } : {}),
        opacity: STALE_OPACITY,
        label: translate(lang, 'legend.stale'),
      });
    }
    legend.push({ heading: translate(lang, 'legend.statuses'), entries });
  }
  if (accuracies.size) {
    legend.push({
      heading: translate(lang, 'legend.accuracy'),
      entries: GEOMETRY_ACCURACY.filter((a) => accuracies.has(a)).map((a) => ({
        kind: 'line',
        color: STATUS_KEY_LOOK.color,
        dash: [],
        widthPx: ACCURACY_STYLE[a].widthPx,
        blurPx: ACCURACY_STYLE[a].blurPx,
        label: translate(lang, `accuracy.${a}`),
      })),
    });
  }
  // Corridors and junction zones are always drawn.
  const base: PictureLegendEntry[] = [];
  if (state.atlas?.corridors.length) base.push({ kind: 'line', color: BASE_COLORS.corridor, dash: [1.5, 1], widthPx: 2, label: translate(lang, 'legend.corridor') });
  if (state.atlas?.zones.length) base.push({ kind: 'area', fill: BASE_COLORS.zoneFill, stroke: BASE_COLORS.zoneLine, label: translate(lang, 'legend.zone') });
  if (state.filters.corridorId && state.filters.withinKm !== null) {
    base.push({ kind: 'line', color: BASE_COLORS.band, dash: [], widthPx: 7, opacity: 0.25, label: translate(lang, 'legend.band', { km: formatNumber(lang, state.filters.withinKm) }) });
  }
  if (leadersDrawn) base.push({ kind: 'leader', label: translate(lang, 'legend.leader') });
  if (base.length) legend.push({ heading: null, entries: base });

  const words = filterWords(state, lang);
  const selected = selectSelectedProject(state);
  const selectedState = selected && asOf ? stateOn(selected, asOf) : null;
  return {
    scale,
    title: translate(lang, 'app.title'),
    dateLabel: asOf ? translate(lang, 'slider.value', { date: formatDate(lang, asOf) }) : '',
    selected: selected
      ? translate(lang, 'picture.selected', {
          name: lang === 'zh' ? selected.name_zh : selected.name_en,
          status: translate(lang, selectedState?.status ? `status.${selectedState.status}` : 'status.none'),
        })
      : null,
    filters: state.atlas && words.length ? translate(lang, 'picture.filters', { list: words.join(' · '), n: formatNumber(lang, drawn.length, 0) }) : null,
    legend,
    sources: sourcesText(lang),
    fileName: pictureFileName(asOf, scale),
  };
}
