/**
 * Is a coordinate inside the four cities? Used by the data validation (WGS-84 sanity).
 *
 * What this can check: positions outside the four cities (beyond a tolerance for the difference
 * between boundary sources), positions that look like swapped `[lat, lon]`, non-WGS-84 ranges.
 * What it cannot check: a GCJ-02 or BD-09 position (300–500 m off) inside the region looks
 * like a valid WGS-84 one; datum is recorded per source instead (geometry_note, sources).
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** Bounding box of the four cities (Tianditu boundaries, rounded outwards): west, south, east, north. */
export const REGION_BBOX: readonly [number, number, number, number] = [102.8, 29.35, 105.8, 31.75];

/** Boundary sources differ by up to ~1 km (simplification); schematic lines are cut 0.5 km inside. */
export const REGION_TOLERANCE_KM = 1.5;

export interface RegionCheck {
  /** 'polygons' when checked against the city outlines; 'bbox' for the fallback box. */
  kind: 'polygons' | 'bbox';
  /** null when inside; otherwise a message saying where the position is. */
  locate(pos: Position): string | null;
}

function fmt(pos: Position): string {
  return `[${pos[0]}, ${pos[1]}]`;
}

function swappedHint(pos: Position): string {
  const [lon = NaN, lat = NaN] = pos;
  const [w, s, e, n] = REGION_BBOX;
  return lat >= w && lat <= e && lon >= s && lon <= n ? ' (looks like [lat, lon]: swapped; GeoJSON is [lon, lat])' : '';
}

/** The fallback when data/region.topo.json is not available: the four cities' bounding box. */
export function bboxRegionCheck(): RegionCheck {
  const [w, s, e, n] = REGION_BBOX;
  return {
    kind: 'bbox',
    locate(pos) {
      const [lon = NaN, lat = NaN] = pos;
      if (lon >= w && lon <= e && lat >= s && lat <= n) return null;
      return `${fmt(pos)} is outside the bounding box of the four cities${swappedHint(pos)}`;
    },
  };
}

/** Check against the city polygons (e.g. `cities` of data/region.topo.json, decoded). */
export function polygonRegionCheck(cities: FeatureCollection<Polygon | MultiPolygon>, toleranceKm = REGION_TOLERANCE_KM): RegionCheck {
  const features = cities.features.filter((f): f is Feature<Polygon | MultiPolygon> => f.geometry !== null);
  const boxes = features.map((f) => turf.bbox(f));
  return {
    kind: 'polygons',
    locate(pos) {
      const pt = turf.point(pos);
      for (let i = 0; i < features.length; i++) {
        const b = boxes[i] as number[];
        const [lon = NaN, lat = NaN] = pos;
        if (lon < (b[0] as number) || lon > (b[2] as number) || lat < (b[1] as number) || lat > (b[3] as number)) continue;
        if (turf.booleanPointInPolygon(pt, features[i] as Feature<Polygon | MultiPolygon>)) return null;
      }
      let nearestKm = Infinity;
      for (const f of features) nearestKm = Math.min(nearestKm, Math.abs(turf.pointToPolygonDistance(pt, f, { units: 'kilometers' })));
      if (nearestKm <= toleranceKm) return null;
      const away = Number.isFinite(nearestKm) ? `${nearestKm.toFixed(1)} km ` : '';
      return `${fmt(pos)} lies ${away}outside the four cities${swappedHint(pos)}`;
    },
  };
}
