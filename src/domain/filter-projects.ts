/**
 * The one filtering rule of the atlas: the list, the map, the exports, the embed messages and
 * the command line all call `filterProjects`, so they cannot disagree.
 */
import type { Category, CityId, IsoDate, Project, ProjectAnalysis, Status } from './types';
import { matchesNormalized, normalizeSearchText } from './search-text';
import { stateOn } from './state-intervals';

/** Which projects to show. Empty lists and nulls mean "no restriction". */
export interface ProjectFilters {
  categories: Category[];
  /** Status on the as-of date. */
  statuses: Status[];
  cities: CityId[];
  /** County/district administrative codes (e.g. `510185`). */
  counties: string[];
  /** Corridor for the distance filter, and for distance/chainage columns and sorting. */
  corridorId: string | null;
  /** Maximum distance to `corridorId`, 0–50 km; null = no distance limit. */
  withinKm: number | null;
  zoneId: string | null;
  /** Free text over name_zh, name_en and aliases (see `matchesSearch`). */
  query: string;
  /** `observed`: hide projects whose only support at the date is plan wording. */
  evidence: 'all' | 'observed';
}

export const DEFAULT_FILTERS: ProjectFilters = Object.freeze({
  categories: [],
  statuses: [],
  cities: [],
  counties: [],
  corridorId: null,
  withinKm: null,
  zoneId: null,
  query: '',
  evidence: 'all',
}) as ProjectFilters;

/** True when any filter narrows the projects (a search of blanks does not). */
export function filtersActive(f: ProjectFilters): boolean {
  return (
    f.categories.length + f.statuses.length + f.cities.length + f.counties.length > 0 ||
    f.corridorId !== null ||
    f.zoneId !== null ||
    f.query.trim() !== '' ||
    f.evidence !== 'all'
  );
}

/** Largest distance the corridor filter accepts, in km. */
export const MAX_WITHIN_KM = 50;

/**
 * True when a report or a public news item (not only plan wording) supports the project on
 * or before the date.
 */
export function hasObservationOn(project: Project, asOfDate: IsoDate): boolean {
  return project.milestones.some((m) => m.date <= asOfDate && m.evidence !== 'plan');
}

/**
 * Distance in km from the project to the corridor, from the precomputed analysis; null when
 * the project has no geometry (or no analysis for that corridor).
 */
export function corridorDistanceKm(
  analysis: ReadonlyMap<string, ProjectAnalysis>,
  projectId: string,
  corridorId: string,
): number | null {
  const value = analysis.get(projectId)?.distances_km[corridorId];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Chainage in km along the corridor of the project's closest point; null without geometry. */
export function corridorChainageKm(
  analysis: ReadonlyMap<string, ProjectAnalysis>,
  projectId: string,
  corridorId: string,
): number | null {
  const value = analysis.get(projectId)?.chainage_km[corridorId];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Tests one project against every filter (all must hold).
 * Projects without geometry have no distance and no zone: they fail a distance or zone filter.
 */
export function projectMatches(
  project: Project,
  analysis: ReadonlyMap<string, ProjectAnalysis>,
  filters: ProjectFilters,
  asOfDate: IsoDate,
  /** `filters.query` normalised (pass it when testing many projects: normalised once). */
  needle: string = normalizeSearchText(filters.query),
): boolean {
  if (filters.categories.length > 0 && !filters.categories.includes(project.category)) return false;
  if (filters.cities.length > 0 && !project.cities.some((c) => filters.cities.includes(c))) return false;
  if (filters.counties.length > 0 && !project.counties.some((c) => filters.counties.includes(c))) return false;
  if (filters.zoneId !== null && !(analysis.get(project.id)?.zones ?? []).includes(filters.zoneId)) return false;
  if (filters.corridorId !== null && filters.withinKm !== null) {
    const km = corridorDistanceKm(analysis, project.id, filters.corridorId);
    if (km === null || km > filters.withinKm) return false;
  }
  if (filters.evidence === 'observed' && !hasObservationOn(project, asOfDate)) return false;
  if (filters.statuses.length > 0) {
    const status = stateOn(project, asOfDate).status;
    if (status === null || !filters.statuses.includes(status)) return false;
  }
  if (!matchesNormalized(project, needle)) return false;
  return true;
}

/**
 * The projects that pass every filter on `asOfDate`, in their input order.
 * @example filterProjects(atlas.projects, atlas.analysis, { ...DEFAULT_FILTERS, corridorId: 'belt-chengzi-airport', withinKm: 5, statuses: ['under-construction'] }, '2023-12-31')
 */
export function filterProjects(
  projects: readonly Project[],
  analysis: ReadonlyMap<string, ProjectAnalysis>,
  filters: ProjectFilters,
  asOfDate: IsoDate,
): Project[] {
  const needle = normalizeSearchText(filters.query);
  return projects.filter((p) => projectMatches(p, analysis, filters, asOfDate, needle));
}
