/**
 * Enriches projects once with their corridor and junction-zone analysis. Called when the data
 * loads (load-atlas.ts) and by `npm run analyze` (src/cli/analyze.ts): one code path, the same
 * numbers in the app and on the command line. Never call it from render code or selectors.
 */
import type { Corridor, JunctionZone, Project, ProjectAnalysis } from '../domain/types';
import { corridorApproach } from '../geo/corridor-approach';
import { zoneMembership } from '../geo/zone-membership';

/** Distances and chainages are kept to 1 m (3 decimals of a km): the app and the CLI show these. */
export const ANALYSIS_KM_DECIMALS = 3;

const roundKm = (km: number) => Math.round(km * 10 ** ANALYSIS_KM_DECIMALS) / 10 ** ANALYSIS_KM_DECIMALS;

/**
 * For every project: distance (km) and chainage (km from the corridor's start) to every
 * corridor, and the ids of the junction zones its geometry intersects (zones in data order).
 *
 * A project without geometry (`geometry: null`, or a geometry with no positions) gets an entry
 * with empty `distances_km` and `chainage_km` (the corridor keys are omitted, never 0 or null)
 * and no zones. A zone without a computed polygon has no members.
 *
 * @example analyzeProjects(projects, corridors, zones).get('ziyang-line')?.distances_km['belt-chengzi-airport'] // km
 */
export function analyzeProjects(
  projects: readonly Project[],
  corridors: readonly Corridor[],
  zones: readonly JunctionZone[],
): Map<string, ProjectAnalysis> {
  const out = new Map<string, ProjectAnalysis>();
  for (const project of projects) out.set(project.id, analyzeProject(project, corridors, zones));
  return out;
}

/** The analysis of one project (see {@link analyzeProjects}). */
export function analyzeProject(project: Project, corridors: readonly Corridor[], zones: readonly JunctionZone[]): ProjectAnalysis {
  const analysis: ProjectAnalysis = { distances_km: {}, chainage_km: {}, zones: [] };
  const geometry = project.geometry;
  if (geometry) {
    for (const corridor of corridors) {
      const r = corridorApproach(geometry, corridor.line);
      if (!r) break; // no positions: no corridor gets a figure
      analysis.distances_km[corridor.id] = roundKm(r.distanceKm);
      analysis.chainage_km[corridor.id] = roundKm(r.chainageKm);
    }
    for (const zone of zones) {
      if (zone.polygon && zoneMembership(geometry, zone.polygon)) analysis.zones.push(zone.id);
    }
  }
  return analysis;
}

/**
 * {@link analyzeProjects} in slices of about `sliceMs` (the loader's way: thousands of projects,
 * or a few long lines, are no single long task). The same results, in the same order.
 */
export async function analyzeProjectsSliced(
  projects: readonly Project[],
  corridors: readonly Corridor[],
  zones: readonly JunctionZone[],
  yieldToMain: () => Promise<void>,
  sliceMs = 30,
): Promise<Map<string, ProjectAnalysis>> {
  const out = new Map<string, ProjectAnalysis>();
  let sliceStart = performance.now();
  for (const project of projects) {
    out.set(project.id, analyzeProject(project, corridors, zones));
    if (performance.now() - sliceStart > sliceMs) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
  return out;
}
