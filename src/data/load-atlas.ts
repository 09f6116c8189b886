/**
 * Loads every data file the app needs, validates each, and enriches the projects once with
 * their corridor and zone analysis. Each file fails on its own: a broken corridors file costs
 * the corridors (an error the UI shows), not the projects. Only a missing or broken
 * projects/sources file leaves the app without an atlas.
 */
import type { Atlas, CityId, CountyInfo, Corridor, DataIssue, JunctionZone, Project } from '../domain/types';
import { CITY_IDS } from '../domain/types';
import type { FeatureCollection } from 'geojson';
import { analyzeProjectsSliced } from './analyze-projects';
import { fetchJson, type BaseMapResult } from './load-base-map';
import { parseCorridors } from './parse-corridors';
import { SLICE_MS, validateProjectsFileSliced, yieldToMain } from './parse-projects';
import { parseSources } from './parse-sources';
import { parseZones } from './parse-zones';
import { bboxRegionCheck } from './project-region-check';

export interface AtlasLoadResult {
  atlas: Atlas | null;
  issues: DataIssue[];
}

const asError = (issue: DataIssue): DataIssue => ({ ...issue, severity: 'error' });

function countyIndex(counties: FeatureCollection): Map<string, CountyInfo> {
  const out = new Map<string, CountyInfo>();
  for (const f of counties.features) {
    const p = f.properties ?? {};
    if (typeof p.code !== 'string' || !CITY_IDS.includes(p.city as CityId)) continue;
    out.set(p.code, { code: p.code, name_zh: String(p.name_zh ?? p.code), name_en: String(p.name_en ?? p.code), city: p.city as CityId });
  }
  return out;
}

/**
 * @param base URL the `data/` folder is relative to (the page's base)
 * @param baseMap the region data being loaded for the map (for county names and the region check)
 */
export async function loadAtlas(base: URL, baseMap: Promise<BaseMapResult>): Promise<AtlasLoadResult> {
  const [projectsRaw, sourcesRaw, corridorsRaw, zonesRaw, zonePolygonsRaw, region] = await Promise.all([
    fetchJson(base, 'data/projects.json'),
    fetchJson(base, 'data/sources.json'),
    fetchJson(base, 'data/corridors.geojson'),
    fetchJson(base, 'data/zones.json'),
    fetchJson(base, 'data/zones.geojson'),
    baseMap,
  ]);
  performance.mark('cdmz:atlas-parse');
  const issues: DataIssue[] = [];

  if (!sourcesRaw.ok) return { atlas: null, issues: [asError(sourcesRaw.error)] };
  const sources = parseSources(sourcesRaw.json);
  if (!sources.ok) return { atlas: null, issues: [asError(sources.error)] };
  issues.push(...sources.warnings);
  // Each file's check is a step of its own: the main thread is given back between them (and
  // between the slices of the projects' checks and analysis), so none adds up to a long task.
  await yieldToMain();

  if (!projectsRaw.ok) return { atlas: null, issues: [...issues, asError(projectsRaw.error)] };
  if (!region.ok) issues.push(asError(region.error));
  // The browser checks positions against the region's bounding box only: the exact polygon
  // test costs seconds on a phone, and `npm run data:check` (CI) runs it on every change.
  // In slices (yielding between them): a big file is no single long task (issue 15 §1).
  const projects = await validateProjectsFileSliced(projectsRaw.json, sources.value, bboxRegionCheck());
  if (!projects.ok) return { atlas: null, issues: [...issues, asError(projects.error)] };
  issues.push(...projects.warnings);
  await yieldToMain();

  let corridors: Corridor[] = [];
  if (!corridorsRaw.ok) issues.push(asError(corridorsRaw.error));
  else {
    const parsed = parseCorridors(corridorsRaw.json);
    if (parsed.ok) {
      corridors = parsed.value;
      issues.push(...parsed.warnings);
    } else issues.push(asError(parsed.error));
  }

  await yieldToMain();
  let zones: JunctionZone[] = [];
  if (!zonesRaw.ok) issues.push(asError(zonesRaw.error));
  else {
    const parsed = parseZones(zonesRaw.json, zonePolygonsRaw.ok ? zonePolygonsRaw.json : null);
    if (!zonePolygonsRaw.ok) issues.push(asError(zonePolygonsRaw.error));
    if (parsed.ok) {
      zones = parsed.value;
      issues.push(...parsed.warnings);
    } else issues.push(asError(parsed.error));
  }

  const value: Project[] = projects.value;
  performance.mark('cdmz:atlas-parsed');
  await yieldToMain();
  const atlas: Atlas = {
    projects: value,
    sources: sources.value,
    corridors,
    zones,
    analysis: await analyzeProjectsSliced(value, corridors, zones, yieldToMain, SLICE_MS),
    ...(region.ok ? { counties: countyIndex(region.value.counties) } : {}),
  };
  return { atlas, issues };
}
