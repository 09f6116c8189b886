import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { geometryParts } from './geometry-parts';
import { segmentContactT } from './segment-contact';
import { bboxOfPositions, type Bbox } from './bbox-of-positions';

type Box = Bbox;

interface PreparedZone {
  bbox: Box;
  /** Every segment of every ring (outer and holes), with its box. */
  segments: Array<{ a: Position; b: Position; box: Box }>;
  /** One vertex of each outer ring: inside a project polygon means the zone part is covered. */
  outerVertices: Position[];
}

const zones = new WeakMap<Polygon | MultiPolygon, PreparedZone>();


const overlap = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const inBox = (p: Position, b: Box) => (p[0] as number) >= b[0] && (p[0] as number) <= b[2] && (p[1] as number) >= b[1] && (p[1] as number) <= b[3];

function prepareZone(zone: Polygon | MultiPolygon): PreparedZone {
  const cached = zones.get(zone);
  if (cached) return cached;
  const polys = zone.type === 'Polygon' ? [zone.coordinates] : zone.coordinates;
  const segments: PreparedZone['segments'] = [];
  const all: Position[] = [];
  for (const rings of polys) {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as Position;
        const b = ring[i + 1] as Position;
        segments.push({ a, b, box: bboxOfPositions([a, b]) });
      }
      all.push(...ring);
    }
  }
  const z: PreparedZone = { bbox: bboxOfPositions(all), segments, outerVertices: polys.map((r) => r[0]?.[0]).filter((p): p is Position => p !== undefined) };
  zones.set(zone, z);
  return z;
}

/**
 * True when the geometry intersects the junction-zone polygon: a point inside or on its
 * border, a line crossing or touching it, a polygon overlapping, containing or contained by
 * it. Holes are respected (a shape wholly inside a hole is outside). Planar test in lon/lat,
 * like GeoJSON's straight segments: (1) a vertex of the geometry inside or on the zone (Turf's
 * robust point-in-polygon, border included), (2) a zone part inside a polygon of the geometry,
 * (3) a segment of the geometry meeting a segment of any zone ring. Cross-checked against Turf
 * `booleanIntersects` on random shapes (tests/unit/geo/zone-membership.test.ts), and ~10×
 * faster than it thanks to bounding-box rejection and per-object caches.
 *
 * @example zoneMembership({ type: 'Point', coordinates: [104.5, 30.3] }, zone.polygon) // true/false
 */
export function zoneMembership(geometry: Geometry, zonePolygon: Polygon | MultiPolygon): boolean {
  const zone = prepareZone(zonePolygon);
  const shape = geometryParts(geometry);
  if (shape.vertices.length === 0 || !overlap(shape.bbox as Box, zone.bbox)) return false;
  for (const v of shape.vertices) {
    if (inBox(v, zone.bbox) && booleanPointInPolygon(v, zonePolygon)) return true;
  }
  for (const poly of shape.polygons) {
    for (const v of zone.outerVertices) {
      if (booleanPointInPolygon(v, { type: 'Polygon', coordinates: poly })) return true;
    }
  }
  if (shape.segments.length === 0) return false;
  const near = zone.segments.filter((s) => overlap(s.box, shape.bbox as Box));
  for (const [c, d] of shape.segments) {
    const box = bboxOfPositions([c, d]);
    for (const s of near) {
      if (overlap(s.box, box) && segmentContactT(c, d, s.a, s.b) !== null) return true;
    }
  }
  return false;
}
