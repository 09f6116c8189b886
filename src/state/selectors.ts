/**
 * Named selectors (STYLE.md §5). Components read derived data only through these; filtering
 * and sorting never happen inline in a component. Selectors that build arrays or objects are
 * memoised per input identity (WeakMap caches keyed by objects each store owns), so
 * `useAppStore(selectVisibleProjects)` returns the same array until its inputs change.
 */
import { filterProjects } from '../domain/filter-projects';
import { effectiveSort, sortProjects } from '../domain/sort-projects';
import { milestoneDates } from '../domain/status-on-date';
import { stateOn, type DatedState } from '../domain/state-intervals';
import { dateInForce, timelineRange, todayIso, type TimelineRange } from '../domain/timeline-range';
import { CATEGORIES, CITY_IDS, STATUSES, type Atlas, type Category, type CityId, type Project, type Status } from '../domain/types';
import type { AppState } from './app-state';
import type { UrlState } from './url-codec';

const EMPTY_PROJECTS: readonly Project[] = Object.freeze([]);
const EMPTY_IDS: readonly string[] = Object.freeze([]);

const recordDatesCache = new WeakMap<Atlas, readonly string[]>();
const rangeCache = new WeakMap<Atlas, { today: string; range: TimelineRange | null }>();

/**
 * The timeline: first record, last record (the default as-of date) and its end, today (or the
 * last record when later). Cached per atlas and day.
 */
export function selectTimelineRange(state: AppState): TimelineRange | null {
  const atlas = state.atlas;
  if (!atlas) return null;
  const today = todayIso();
  const hit = rangeCache.get(atlas);
  if (hit && hit.today === today) return hit.range;
  let dates = recordDatesCache.get(atlas);
  if (!dates) {
    dates = Object.freeze(milestoneDates(atlas.projects));
    recordDatesCache.set(atlas, dates);
  }
  const range = timelineRange(dates, today);
  rangeCache.set(atlas, { today, range });
  return range;
}

/**
 * THE date in force (contract 7): the explicit date kept inside the timeline (before the first
 * record → the first record; after today → today), else the last record. The slider, the exact
 * date field, the details, the summary, the list, the map and `cdmz:state` all show this one.
 * Before the data has loaded: the explicit date as given (nothing to clamp against).
 */
export function selectAsOfDate(state: AppState): string | null {
  const range = selectTimelineRange(state);
  if (!range) return state.asOfDate;
  return dateInForce(state.asOfDate, range);
}

export const selectLang = (state: AppState) => state.lang;
export const selectFilters = (state: AppState) => state.filters;
export const selectSelectedId = (state: AppState) => state.selectedId;
export const selectHoveredId = (state: AppState) => state.hoveredId;
export const selectDataStatus = (state: AppState) => state.dataStatus;
export const selectAtlas = (state: AppState) => state.atlas;
export const selectIssues = (state: AppState) => state.issues;
export const selectEmbed = (state: AppState) => state.embed;
export const selectListSort = (state: AppState) => state.listSort;

interface VisibleEntry {
  atlas: Atlas;
  asOfDate: string;
  result: readonly Project[];
}
const visibleCache = new WeakMap<AppState['filters'], VisibleEntry>();

/**
 * The projects passing every filter on the as-of date, in data order (the map's order).
 * Memoised on (atlas, filters, as-of date).
 */
export function selectVisibleProjects(state: AppState): readonly Project[] {
  const atlas = state.atlas;
  const asOfDate = selectAsOfDate(state);
  if (!atlas || asOfDate === null) return EMPTY_PROJECTS;
  const hit = visibleCache.get(state.filters);
  if (hit && hit.atlas === atlas && hit.asOfDate === asOfDate) return hit.result;
  const result = Object.freeze(filterProjects(atlas.projects, atlas.analysis, state.filters, asOfDate));
  visibleCache.set(state.filters, { atlas, asOfDate, result });
  return result;
}

const idsCache = new WeakMap<readonly Project[], readonly string[]>();

/** Ids of the visible projects (what the map filter and the embed messages use). */
export function selectVisibleIds(state: AppState): readonly string[] {
  const visible = selectVisibleProjects(state);
  if (visible.length === 0) return EMPTY_IDS;
  let ids = idsCache.get(visible);
  if (!ids) {
    ids = Object.freeze(visible.map((p) => p.id));
    idsCache.set(visible, ids);
  }
  return ids;
}

/** How many projects pass the filters (drawn or not: see `selectProjectCounts`). */
export const selectVisibleCount = (state: AppState) => selectVisibleProjects(state).length;

/** How many projects there are in all. */
export const selectTotalCount = (state: AppState) => state.atlas?.projects.length ?? 0;

/**
 * The counts every display of "how many" uses (contract 8, issue 13 §5). The projects that pass
 * the filters (`matching`) split into three parts that add up to it:
 * - `onMap`: a status on the date and a published location — drawn on the map;
 * - `noRecordYet`: no record yet on the date (the first milestone is later) — not drawn, listed;
 * - `noLocation`: a status on the date but no published location — not drawn, listed.
 * `total` counts every project in the data.
 */
export interface ProjectCounts {
  total: number;
  matching: number;
  onMap: number;
  noRecordYet: number;
  noLocation: number;
}

type CountsEntry = { asOfDate: string; counts: ProjectCounts; mapped: readonly string[] };
const countsCache = new WeakMap<readonly Project[], CountsEntry>();
const EMPTY_COUNTS: ProjectCounts = Object.freeze({ total: 0, matching: 0, onMap: 0, noRecordYet: 0, noLocation: 0 });

function countsEntry(state: AppState): CountsEntry | null {
  const visible = selectVisibleProjects(state);
  const asOfDate = selectAsOfDate(state);
  if (!state.atlas || asOfDate === null) return null;
  const hit = countsCache.get(visible);
  if (hit && hit.asOfDate === asOfDate) return hit;
  let noRecordYet = 0;
  let noLocation = 0;
  const mapped: string[] = [];
  for (const p of visible) {
    if (stateOn(p, asOfDate).status === null) noRecordYet++;
    else if (p.geometry === null) noLocation++;
    else mapped.push(p.id);
  }
  const counts: ProjectCounts = Object.freeze({ total: state.atlas.projects.length, matching: visible.length, onMap: mapped.length, noRecordYet, noLocation });
  const entry: CountsEntry = { asOfDate, counts, mapped: Object.freeze(mapped) };
  // One entry per visible array (a WeakMap: it goes with the array); a new date replaces it.
  countsCache.set(visible, entry);
  return entry;
}

/** The counts of the projects on the map, without a record yet, without a location (memoised). */
export function selectProjectCounts(state: AppState): ProjectCounts {
  return countsEntry(state)?.counts ?? EMPTY_COUNTS;
}

/** Ids of the projects that pass the filters AND are drawn on the map on the date, in data order. */
export function selectMappedIds(state: AppState): readonly string[] {
  return countsEntry(state)?.mapped ?? EMPTY_IDS;
}

interface SortedEntry {
  key: string;
  result: readonly Project[];
}
const sortedCache = new WeakMap<readonly Project[], SortedEntry>();
/** Per atlas: the whole atlas in a date-independent order, by sort key (see below). */
const allSortedCache = new WeakMap<Atlas, Map<string, readonly Project[]>>();

/**
 * The visible projects in the list's order (`listSort`, names in the current language).
 *
 * An order that does not depend on the date (name, distance, chainage) is computed once per atlas
 * for all projects, and each filter or date change picks the visible projects out of it: the same
 * order as sorting them (the sort is stable and the visible projects are in data order), without
 * comparing 10,000 names with the collator on every change.
 */
export function selectSortedVisibleProjects(state: AppState): readonly Project[] {
  const visible = selectVisibleProjects(state);
  const asOfDate = selectAsOfDate(state);
  const atlas = state.atlas;
  if (!atlas || asOfDate === null || visible.length === 0) return visible;
  const corridorId = state.filters.corridorId;
  const key = [state.listSort.key, state.listSort.direction, state.lang, corridorId ?? '', asOfDate].join('|');
  const hit = sortedCache.get(visible);
  if (hit && hit.key === key) return hit.result;
  const sort = effectiveSort(state.listSort, corridorId);
  const ctx = { analysis: atlas.analysis, asOfDate, corridorId, lang: state.lang };
  let result: readonly Project[];
  if (sort.key === 'status' || sort.key === 'progress') {
    result = Object.freeze(sortProjects(visible, sort, ctx));
  } else {
    const allKey = [sort.key, sort.direction, state.lang, corridorId ?? ''].join('|');
    let byKey = allSortedCache.get(atlas);
    if (!byKey) allSortedCache.set(atlas, (byKey = new Map()));
    let all = byKey.get(allKey);
    if (!all) byKey.set(allKey, (all = Object.freeze(sortProjects(atlas.projects, sort, ctx))));
    if (visible.length === all.length) result = all;
    else {
      const keep = new Set(visible);
      result = Object.freeze(all.filter((p) => keep.has(p)));
    }
  }
  sortedCache.set(visible, { key, result });
  return result;
}

/** The selected project, or null (also null while its id is unknown to the data). */
export function selectSelectedProject(state: AppState): Project | null {
  if (state.selectedId === null || !state.atlas) return null;
  return state.atlas.projects.find((p) => p.id === state.selectedId) ?? null;
}

/**
 * Selector factory: the state of project `id` on the as-of date, or null when the project
 * or the date is unknown. @example useAppStore(selectProjectState('chengde-s11'))
 */
export function selectProjectState(id: string): (state: AppState) => DatedState | null {
  return (state) => {
    const asOfDate = selectAsOfDate(state);
    const project = state.atlas?.projects.find((p) => p.id === id);
    return project && asOfDate !== null ? stateOn(project, asOfDate) : null;
  };
}

export interface StatusSummaryCounts {
  /** Visible projects by status on the date; `unknown` = no record yet on that date. */
  byStatus: ReadonlyArray<{ status: Status | 'unknown'; count: number }>;
  byCategory: ReadonlyArray<{ category: Category; count: number }>;
}
const summaryCache = new WeakMap<readonly Project[], { asOfDate: string; result: StatusSummaryCounts }>();
const EMPTY_SUMMARY: StatusSummaryCounts = Object.freeze({ byStatus: [], byCategory: [] });

/** Counts of the visible projects by status (on the date) and by category, in enum order. */
export function selectStatusSummary(state: AppState): StatusSummaryCounts {
  const visible = selectVisibleProjects(state);
  const asOfDate = selectAsOfDate(state);
  if (asOfDate === null) return EMPTY_SUMMARY;
  const hit = summaryCache.get(visible);
  if (hit && hit.asOfDate === asOfDate) return hit.result;
  const statusCounts = new Map<Status | 'unknown', number>();
  const categoryCounts = new Map<Category, number>();
  for (const p of visible) {
    const status = stateOn(p, asOfDate).status ?? 'unknown';
    statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
    categoryCounts.set(p.category, (categoryCounts.get(p.category) ?? 0) + 1);
  }
  const result: StatusSummaryCounts = {
    byStatus: [...STATUSES, 'unknown' as const].map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    byCategory: CATEGORIES.map((category) => ({ category, count: categoryCounts.get(category) ?? 0 })),
  };
  summaryCache.set(visible, { asOfDate, result });
  return result;
}

const urlCache = new WeakMap<AppState['filters'], { key: string; result: UrlState }>();

/**
 * Everything the permalink carries, as a `UrlState` (memoised). The date is the explicit one
 * (null = latest), so a link made today still means "latest" tomorrow.
 */
export function selectUrlState(state: AppState): UrlState {
  const f = state.filters;
  const key = [state.lang, state.asOfDate ?? '', state.selectedId ?? '', state.embed ? '1' : '0', state.frameBounds?.join(',') ?? ''].join('|');
  const hit = urlCache.get(f);
  if (hit && hit.key === key) return hit.result;
  const result: UrlState = {
    lang: state.lang,
    date: state.asOfDate,
    cat: [...f.categories],
    status: [...f.statuses],
    city: [...f.cities],
    corridor: f.corridorId,
    within: f.withinKm,
    zone: f.zoneId,
    q: f.query,
    sel: state.selectedId,
    embed: state.embed,
    county: [...f.counties],
    evidence: f.evidence,
    bbox: state.frameBounds ? [...state.frameBounds] : null,
  };
  urlCache.set(f, { key, result });
  return result;
}

export interface CountyOption {
  code: string;
  name_zh: string;
  name_en: string;
  city: CityId | null;
}
const countyOptionsCache = new WeakMap<Atlas, readonly CountyOption[]>();

/**
 * Counties that at least one project names, with names from the region data (the code when
 * the region data has none), ordered by city then code: the county filter's choices.
 */
export function selectCountyOptions(state: AppState): readonly CountyOption[] {
  const atlas = state.atlas;
  if (!atlas) return EMPTY_COUNTIES;
  let options = countyOptionsCache.get(atlas);
  if (!options) {
    const codes = [...new Set(atlas.projects.flatMap((p) => p.counties))];
    options = Object.freeze(
      codes
        .map((code): CountyOption => {
          const info = atlas.counties?.get(code);
          return info ? { code, name_zh: info.name_zh, name_en: info.name_en, city: info.city } : { code, name_zh: code, name_en: code, city: null };
        })
        .sort((a, b) => cityRank(a.city) - cityRank(b.city) || a.code.localeCompare(b.code)),
    );
    countyOptionsCache.set(atlas, options);
  }
  return options;
}
const EMPTY_COUNTIES: readonly CountyOption[] = Object.freeze([]);
function cityRank(city: CityId | null): number {
  return city === null ? CITY_IDS.length : CITY_IDS.indexOf(city);
}
