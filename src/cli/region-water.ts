/**
 * Water for the base map: the 岷江 and 沱江 lines (committed input, already WGS-84) and the larger
 * lakes from `@geo-maps/earth-lakes-100m` (OpenStreetMap data, WGS-84). Neither is converted: only
 * GCJ-02 sources get a datum conversion.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { area as turfArea, booleanIntersects, polygon as turfPolygon } from '@turf/turf';
import { normalizeGeometry } from './region-output';

export const LAKES_LICENCE = 'ODbL-1.0';
export const LAKES_SOURCE = '@geo-maps/earth-lakes-100m 0.6.0 (© OpenStreetMap contributors)';

export interface RiverProperties {
  kind: 'river';
  name_zh: string;
  name_en: string;
  licence: string;
  source: string;
}

export interface LakeProperties {
  kind: 'lake';
  area_km2: number;
  licence: string;
  source: string;
}

const requireString = (value: unknown, file: string, index: number, field: string): string => {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${file}: feature ${index}: field "${field}" must be a non-empty string`);
  return value;
};

/** Validates the committed rivers input and maps it to water features. */
export function riversFromInput(input: unknown, file: string): Feature<LineString, RiverProperties>[] {
  const fc = input as FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  return fc.features.map((f, i) => {
    if (f.geometry?.type !== 'LineString') throw new Error(`${file}: feature ${i}: field "geometry.type" must be LineString`);
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const properties: RiverProperties = {
      kind: 'river',
      name_zh: requireString(p.name_zh, file, i, 'name_zh'),
      name_en: requireString(p.name_en, file, i, 'name_en'),
      licence: requireString(p.licence, file, i, 'licence'),
      source: requireString(p.source, file, i, 'source'),
    };
    return { type: 'Feature', properties, geometry: normalizeGeometry(f.geometry, 5) as LineString };
  });
}

function bboxOf(rings: readonly Position[][]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) {
    for (const p of r) {
      x0 = Math.min(x0, p[0]!);
      y0 = Math.min(y0, p[1]!);
      x1 = Math.max(x1, p[0]!);
      y1 = Math.max(y1, p[1]!);
    }
  }
  return [x0, y0, x1, y1];
}

/**
 * Lakes of at least `minAreaKm2` that intersect one of the `regions` polygons, one Polygon feature
 * per lake, largest first. `input` is the package's GeometryCollection of (Multi)Polygons.
 */
export function lakesInRegion(
  input: unknown,
  file: string,
  regions: readonly (Polygon | MultiPolygon)[],
  minAreaKm2: number,
): Feature<Polygon, LakeProperties>[] {
  const gc = input as { type?: string; geometries?: unknown[] };
  if (gc?.type !== 'GeometryCollection' || !Array.isArray(gc.geometries)) throw new Error(`${file}: not a GeoJSON GeometryCollection`);
  const regionFeatures = regions.map((g) => ({ type: 'Feature' as const, properties: {}, geometry: g }));
  const boxes = regions.map((g) => bboxOf(g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()));
  const out: Feature<Polygon, LakeProperties>[] = [];
  gc.geometries.forEach((raw, gi) => {
    const g = raw as Polygon | MultiPolygon;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new Error(`${file}: geometry ${gi}: field "type" must be Polygon or MultiPolygon`);
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polygons) {
      const [x0, y0, x1, y1] = bboxOf(rings);
      if (!boxes.some((b) => x0 <= b[2] && x1 >= b[0] && y0 <= b[3] && y1 >= b[1])) continue;
      const lake = turfPolygon(rings);
      const areaKm2 = turfArea(lake) / 1e6;
      if (areaKm2 < minAreaKm2) continue;
      if (!regionFeatures.some((r) => booleanIntersects(lake, r))) continue;
      out.push({
        type: 'Feature',
        properties: { kind: 'lake', area_km2: Number(areaKm2.toFixed(2)), licence: LAKES_LICENCE, source: LAKES_SOURCE },
        geometry: normalizeGeometry({ type: 'Polygon', coordinates: rings }, 5) as Polygon,
      });
    }
  });
  return out.sort((a, b) => b.properties.area_km2 - a.properties.area_km2 || a.geometry.coordinates[0]![0]![0]! - b.geometry.coordinates[0]![0]![0]!);
}
