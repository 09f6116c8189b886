import { area, buffer, feature, featureCollection, intersect } from '@turf/turf';
import { merge, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { geodesicDistanceKm } from './geodesic-distance-km';

/** A computed junction zone: polygon, the border it is built from, and its measures. */
export interface JunctionZoneGeometry {
  polygon: Polygon | MultiPolygon;
  border: MultiLineString;
  /** Area in km² (Turf `area`, spherical: within ~0.5 % of the ellipsoid here). */
  areaKm2: number;
  /** Length of the shared border in km (WGS-84 geodesic, {@link geodesicDistanceKm}). */
  borderKm: number;
}

/** Decimal places kept in output coordinates (≈ 0.1 m): stable bytes for `--check`. */
export const ZONE_COORD_DECIMALS = 6;

interface CountyProps {
  code?: unknown;
}

function roundPosition(p: Position): Position {
  const f = 10 ** ZONE_COORD_DECIMALS;
  return [Math.round((p[0] as number) * f) / f, Math.round((p[1] as number) * f) / f];
}

/** Rounds a ring and drops the consecutive duplicates rounding can create; null if it collapses. */
function roundRing(ring: Position[]): Position[] | null {
  const out: Position[] = [];
  for (const p of ring) {
    const r = roundPosition(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== r[0] || last[1] !== r[1]) out.push(r);
  }
  return out.length >= 4 ? out : null;
}

function roundPolygon(rings: Position[][]): Position[][] | null {
  const outer = rings[0] ? roundRing(rings[0]) : null;
  if (!outer) return null;
  const holes = rings.slice(1).map(roundRing).filter((r): r is Position[] => r !== null);
  return [outer, ...holes];
}

/**
 * Computes a junction zone polygon from the county topology: the shared border between the
 * counties of side A and side B (topojson `mesh`, so only arcs with A on one side and B on the
 * other), buffered by `widthKm` on both sides (Turf `buffer`, azimuthal-equidistant projection
 * around the border, 8 steps per quarter circle), then clipped to the union of the zone's
 * counties (topojson `merge`, exact on shared arcs). Coordinates are rounded to
 * {@link ZONE_COORD_DECIMALS} decimals so the output is byte-stable. Build-time only: buffering
 * is too heavy for the browser.
 *
 * Throws when a code is not in the topology, a code is on both sides, or the sides share no border.
 *
 * @example junctionZonePolygon(topo, [['510185'], ['512002']], 5).areaKm2 // ≈ 400
 */
export function junctionZonePolygon(
  topology: Topology,
  sides: readonly [readonly string[], readonly string[]],
  widthKm: number,
  objectName = 'counties',
): JunctionZoneGeometry {
  const object = topology.objects[objectName];
  if (!object || object.type !== 'GeometryCollection') throw new Error(`topology has no GeometryCollection "${objectName}"`);
  const counties = (object as GeometryCollection<CountyProps>).geometries;
  const codeOf = (g: { properties?: CountyProps | null }) => String(g.properties?.code ?? '');
  const known = new Set(counties.map(codeOf));
  const sideA = new Set(sides[0]);
  const sideB = new Set(sides[1]);
  for (const code of [...sideA, ...sideB]) {
    if (!known.has(code)) throw new Error(`county code ${code} is not in the topology object "${objectName}"`);
    if (sideA.has(code) && sideB.has(code)) throw new Error(`county code ${code} is on both sides`);
  }
  if (!(widthKm > 0) || !Number.isFinite(widthKm)) throw new Error(`width_km must be a positive number, got ${widthKm}`);

  const border = mesh(topology, object as GeometryCollection<CountyProps>, (a, b) => {
    if (a === b) return false;
    const ca = codeOf(a);
    const cb = codeOf(b);
    return (sideA.has(ca) && sideB.has(cb)) || (sideB.has(ca) && sideA.has(cb));
  }) as MultiLineString;
  if (border.coordinates.length === 0) throw new Error(`the two sides share no border (${[...sideA].join(',')} | ${[...sideB].join(',')})`);

  const members = counties.filter((g) => sideA.has(codeOf(g)) || sideB.has(codeOf(g)));
  const union = merge(topology, members as Parameters<typeof merge>[1]) as MultiPolygon;
  const band = buffer(feature(border), widthKm, { units: 'kilometers' });
  if (!band) throw new Error('buffering the border failed');
  const clipped = intersect(featureCollection([band as ReturnType<typeof feature<Polygon | MultiPolygon>>, feature(union)]));
  if (!clipped) throw new Error('the buffered border does not overlap the counties');

  const g = clipped.geometry;
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map(roundPolygon).filter((p): p is Position[][] => p !== null);
  const polygon: Polygon | MultiPolygon =
    polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polys };
  const roundedBorder: MultiLineString = { type: 'MultiLineString', coordinates: border.coordinates.map((l) => l.map(roundPosition)) };
  return {
    polygon,
    border: roundedBorder,
    areaKm2: area(polygon) / 1e6,
    borderKm: roundedBorder.coordinates.reduce((sum, l) => sum + l.slice(1).reduce((s2, p, i) => s2 + geodesicDistanceKm(l[i] as Position, p), 0), 0),
  };
}
