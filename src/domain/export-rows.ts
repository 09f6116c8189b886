/**
 * One flat record per exported project: the columns the CSV and the GeoJSON properties share,
 * computed with the same rules as the list (status on the date, precomputed corridor analysis).
 */
import { corridorChainageKm, corridorDistanceKm } from './filter-projects';
import { stateOn } from './state-intervals';
import type { Category, CityId, IsoDate, Project, ProjectAnalysis, Source, Status } from './types';

export interface ExportRow {
  id: string;
  name_zh: string;
  name_en: string;
  category: Category;
  as_of_date: IsoDate;
  /** Status on `as_of_date`; null = no record yet on that date. */
  status: Status | null;
  /** Overall progress 0–100 on the date, where a source states it. */
  progress_pct: number | null;
  cities: CityId[];
  counties: string[];
  /** The chosen corridor (null when none is chosen: distance and chainage are then null). */
  corridor: string | null;
  distance_km: number | null;
  chainage_km: number | null;
  zones: string[];
  /** False when the location is not published (geometry null). */
  location_published: boolean;
  geometry_accuracy: Project['geometry_accuracy'];
  /** Every source the project cites (milestones, facts, targets), first use first. */
  source_ids: string[];
  /** The public URLs of those sources, in the same order (sources without a URL are skipped). */
  source_urls: string[];
}

export interface ExportContext {
  analysis: ReadonlyMap<string, ProjectAnalysis>;
  sources: ReadonlyMap<string, Source>;
  asOfDate: IsoDate;
  corridorId: string | null;
}

/** Rounds km to metres: enough for planning, free of float noise like 4.999999999. */
function roundKm(km: number | null): number | null {
  return km === null ? null : Math.round(km * 1000) / 1000;
}

/** Source ids a project cites, deduplicated in order of first use. */
export function projectSourceIds(project: Project): string[] {
  const ids = [
    ...project.milestones.map((m) => m.source),
    ...project.facts.map((f) => f.source),
    ...project.targets.map((t) => t.source),
  ];
  return [...new Set(ids)];
}

/**
 * Builds the export records, in the order given (pass the list's order).
 * @example buildExportRows(sortedVisible, { analysis, sources, asOfDate: '2023-12-31', corridorId: null })
 */
export function buildExportRows(projects: readonly Project[], ctx: ExportContext): ExportRow[] {
  return projects.map((project) => {
    const state = stateOn(project, ctx.asOfDate);
    const sourceIds = projectSourceIds(project);
    return {
      id: project.id,
      name_zh: project.name_zh,
      name_en: project.name_en,
      category: project.category,
      as_of_date: ctx.asOfDate,
      status: state.status,
      progress_pct: state.progress,
      cities: [...project.cities],
      counties: [...project.counties],
      corridor: ctx.corridorId,
      distance_km: ctx.corridorId === null ? null : roundKm(corridorDistanceKm(ctx.analysis, project.id, ctx.corridorId)),
      chainage_km: ctx.corridorId === null ? null : roundKm(corridorChainageKm(ctx.analysis, project.id, ctx.corridorId)),
      zones: [...(ctx.analysis.get(project.id)?.zones ?? [])],
      location_published: project.geometry !== null,
      geometry_accuracy: project.geometry_accuracy,
      source_ids: sourceIds,
      source_urls: sourceIds.flatMap((id) => {
        const url = ctx.sources.get(id)?.url;
        return url ? [url] : [];
      }),
    };
  });
}
