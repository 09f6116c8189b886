/**
 * Region boundaries for the base map: decodes `data/region.topo.json` (objects `counties` and
 * `cities`, built by `npm run data:region`) into GeoJSON plus label points. Pure; a malformed
 * file yields an error result naming what is wrong, never an exception.
 */
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { DataIssue } from '../domain/types';

export interface RegionData {
  counties: FeatureCollection;
  cities: FeatureCollection;
  /** One point per county and city: properties level, code, name_zh, name_en. */
  labels: FeatureCollection<Point>;
}

export type RegionResult = { ok: true; value: RegionData; warnings: DataIssue[] } | { ok: false; error: DataIssue };

const FILE = 'data/region.topo.json';

function isTopology(json: unknown): json is Topology {
  if (typeof json !== 'object' || json === null) return false;
  const t = json as Record<string, unknown>;
  return t.type === 'Topology' && typeof t.objects === 'object' && t.objects !== null && Array.isArray(t.arcs);
}

function labelPoints(fc: FeatureCollection, level: 'city' | 'county', warnings: DataIssue[]): Feature<Point>[] {
  const out: Feature<Point>[] = [];
  for (const f of fc.features) {
    const p = f.properties ?? {};
    const label = p.label as unknown;
    const id = String(p.code ?? p.city ?? '?');
    if (!Array.isArray(label) || label.length !== 2 || !label.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      warnings.push({ file: FILE, id, field: 'label', message: 'missing or malformed label point; label not drawn' });
      continue;
    }
    out.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: label as [number, number] },
      properties: { level, code: p.code ?? null, name_zh: p.name_zh ?? null, name_en: p.name_en ?? null },
    });
  }
  return out;
}

/** @example parseRegion(await (await fetch('data/region.topo.json')).json()) */
export function parseRegion(json: unknown): RegionResult {
  if (!isTopology(json)) {
    return { ok: false, error: { file: FILE, message: 'not a TopoJSON Topology (expected type "Topology", objects, arcs)' } };
  }
  const objects = json.objects as Record<string, GeometryCollection | undefined>;
  for (const name of ['counties', 'cities'] as const) {
    const o = objects[name];
    if (!o || o.type !== 'GeometryCollection' || !Array.isArray(o.geometries)) {
      return { ok: false, error: { file: FILE, field: `objects.${name}`, message: 'missing or not a GeometryCollection' } };
    }
  }
  try {
    const counties = feature(json, objects.counties as GeometryCollection) as FeatureCollection;
    const cities = feature(json, objects.cities as GeometryCollection) as FeatureCollection;
    const warnings: DataIssue[] = [];
    const labels: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: [...labelPoints(cities, 'city', warnings), ...labelPoints(counties, 'county', warnings)],
    };
    return { ok: true, value: { counties, cities, labels }, warnings };
  } catch (e) {
    return { ok: false, error: { file: FILE, message: `cannot decode topology: ${(e as Error).message}` } };
  }
}
