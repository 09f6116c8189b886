/**
 * Ordering of the project list (and of the exports, which follow the list). Pure and stable:
 * projects that compare equal keep their input order.
 */
import { corridorChainageKm, corridorDistanceKm } from './filter-projects';
import { stateOn } from './state-intervals';
import { STATUSES, type IsoDate, type Project, type ProjectAnalysis } from './types';

export const SORT_KEYS = ['name', 'status', 'progress', 'distance', 'chainage'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface ProjectSort {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: ProjectSort = Object.freeze({ key: 'name', direction: 'asc' }) as ProjectSort;

export interface SortContext {
  analysis: ReadonlyMap<string, ProjectAnalysis>;
  asOfDate: IsoDate;
  /** Corridor for `distance` and `chainage`; with none, those keys keep the input order. */
  corridorId: string | null;
  /** Language of the names: `zh` sorts name_zh by pinyin, `en` sorts name_en. */
  lang: 'zh' | 'en';
}

/**
 * The sort actually applied: distance and chainage need a corridor; without one the list
 * falls back to names (same direction), which is also what the sort control then shows.
 */
export function effectiveSort(sort: ProjectSort, corridorId: string | null): ProjectSort {
  return corridorId === null && (sort.key === 'distance' || sort.key === 'chainage') ? { key: 'name', direction: sort.direction } : sort;
}

const COLLATORS = {
  zh: new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true }),
  en: new Intl.Collator('en', { numeric: true, sensitivity: 'base' }),
} as const;

/**
 * A sortable value per project; null = unknown (no status yet, no stated progress, no
 * geometry), always placed last whatever the direction.
 */
function sortValue(project: Project, sort: ProjectSort, ctx: SortContext): number | string | null {
  switch (sort.key) {
    case 'name':
      return ctx.lang === 'zh' ? project.name_zh : project.name_en;
    case 'status': {
      const status = stateOn(project, ctx.asOfDate).status;
      return status === null ? null : STATUSES.indexOf(status);
    }
    case 'progress':
      return stateOn(project, ctx.asOfDate).progress;
    case 'distance':
      return ctx.corridorId === null ? null : corridorDistanceKm(ctx.analysis, project.id, ctx.corridorId);
    case 'chainage':
      return ctx.corridorId === null ? null : corridorChainageKm(ctx.analysis, project.id, ctx.corridorId);
  }
}

/**
 * Returns a new array sorted by `sort` (the input is not changed).
 * @example sortProjects(visible, { key: 'chainage', direction: 'asc' }, { analysis, asOfDate: '2023-12-31', corridorId: 'belt-chengzi-airport', lang: 'zh' })
 */
export function sortProjects(projects: readonly Project[], sort: ProjectSort, ctx: SortContext): Project[] {
  const collator = COLLATORS[ctx.lang];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = projects.map((project, index) => ({ project, index, value: sortValue(project, sort, ctx) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.index - b.index;
      return a.value === null ? 1 : -1;
    }
    const cmp =
      typeof a.value === 'string' && typeof b.value === 'string'
        ? collator.compare(a.value, b.value)
        : Number(a.value) - Number(b.value);
    return cmp !== 0 ? sign * cmp : a.index - b.index;
  });
  return keyed.map((k) => k.project);
}
