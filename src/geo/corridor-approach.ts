import CheapRuler from 'cheap-ruler';
import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry, LineString, Position } from 'geojson';
import { geodesicDistanceKm } from './geodesic-distance-km';
import { geometryParts, type GeometryParts } from './geometry-parts';
import { segmentContactT } from './segment-contact';

/** How a geometry relates to a corridor centre line. */
export interface CorridorApproach {
  /** Minimum geodesic distance in km between the geometry and the line; 0 when they touch. */
  distanceKm: number;
  /** Km along the line, from its first vertex, of `pointOnCorridor`. */
  chainageKm: number;
  /** The point of the geometry closest to the line (debug/visual). */
  pointOnGeometry: Position;
  /** The point of the line closest to the geometry (first contact when they touch). */
  pointOnCorridor: Position;
}

interface PreparedLine {
  coords: Position[];
  /** cumKm[i] = km along the line from its start to vertex i. */
  cumKm: number[];
  bbox: [number, number, number, number];
}

/** Below this (1 µm) a distance is a contact lost in floating point. */
const CONTACT_KM = 1e-9;

const prepared = new WeakMap<LineString, PreparedLine>();

function prepareLine(line: LineString): PreparedLine {
  const cached = prepared.get(line);
  if (cached) return cached;
  const coords = line.coordinates;
  if (coords.length < 2) throw new RangeError('corridor line needs at least 2 positions');
  const cumKm = [0];
  for (let i = 1; i < coords.length; i++) {
    cumKm.push((cumKm[i - 1] as number) + geodesicDistanceKm(coords[i - 1] as Position, coords[i] as Position));
  }
  const p: PreparedLine = { coords, cumKm, bbox: bboxOf(coords) };
  prepared.set(line, p);
  return p;
}

function bboxOf(points: Position[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of points) {
    const x = p[0] as number;
    const y = p[1] as number;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

function lerp(a: Position, b: Position, t: number): Position {
  const ax = a[0] as number;
  const ay = a[1] as number;
  return [ax + ((b[0] as number) - ax) * t, ay + ((b[1] as number) - ay) * t];
}

/**
 * Closest point of segment a→b to p in a local ellipsoidal frame centred on p's latitude
 * (cheap-ruler's scale factors). Returns the parameter t and the squared local distance.
 */
function closestOnSegment(p: Position, a: Position, b: Position, kx: number, ky: number): { t: number; d2: number } {
  const px = p[0] as number;
  const py = p[1] as number;
  const ax = a[0] as number;
  const ay = a[1] as number;
  const dx = ((b[0] as number) - ax) * kx;
  const dy = ((b[1] as number) - ay) * ky;
  const ex = (px - ax) * kx;
  const ey = (py - ay) * ky;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? (ex * dx + ey * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const fx = ex - t * dx;
  const fy = ey - t * dy;
  return { t, d2: fx * fx + fy * fy };
}

/** First contact between the geometry and the line, walking the line from its start. */
function firstContact(parts: GeometryParts, line: PreparedLine): { index: number; t: number } | null {
  const { coords } = line;
  for (let i = 0; i + 1 < coords.length; i++) {
    const a = coords[i] as Position;
    const b = coords[i + 1] as Position;
    // A line vertex inside (or on) a polygon is a contact at that vertex.
    for (const poly of parts.polygons) {
      if (booleanPointInPolygon(a, { type: 'Polygon', coordinates: poly })) return { index: i, t: 0 };
    }
    let tMin = Infinity;
    const sw = Math.min(a[0] as number, b[0] as number);
    const se = Math.max(a[0] as number, b[0] as number);
    const ss = Math.min(a[1] as number, b[1] as number);
    const sn = Math.max(a[1] as number, b[1] as number);
    for (const [c, d] of parts.segments) {
      // Cheap rejection before the exact test.
      if (Math.max(c[0] as number, d[0] as number) < sw || Math.min(c[0] as number, d[0] as number) > se) continue;
      if (Math.max(c[1] as number, d[1] as number) < ss || Math.min(c[1] as number, d[1] as number) > sn) continue;
      const t = segmentContactT(a, b, c, d);
      if (t !== null && t < tMin) tMin = t;
    }
    if (tMin < Infinity) return { index: i, t: tMin };
  }
  const last = coords[coords.length - 1] as Position;
  for (const poly of parts.polygons) {
    if (booleanPointInPolygon(last, { type: 'Polygon', coordinates: poly })) {
      return { index: coords.length - 2, t: 1 };
    }
  }
  return null;
}

function bboxesOverlap(a: [number, number, number, number], b: [number, number, number, number]): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * Exact closest approach between any GeoJSON geometry and a corridor centre line.
 *
 * Method: 0 when they touch or cross (segment intersection in the lon/lat plane, or the line
 * inside a polygon, holes respected); otherwise the minimum over every vertex of the geometry
 * to every segment of the line AND every vertex of the line to every segment of the geometry
 * (the true minimum between two polylines is always one of these). Each candidate's closest
 * point is found in a local ellipsoidal frame at the vertex's latitude; its distance is then
 * measured with {@link geodesicDistanceKm} (WGS-84, < 0.01 % from GeographicLib here).
 * Chainage is the km along the line of its closest point; when the shapes touch, of the first
 * contact met walking the line from its start.
 *
 * Returns null for a geometry without positions. Throws RangeError for a line of < 2 positions.
 *
 * @example corridorApproach({ type: 'Point', coordinates: [104.1, 30.5] }, line)?.distanceKm
 */
export function corridorApproach(geometry: Geometry, corridorLine: LineString): CorridorApproach | null {
  const line = prepareLine(corridorLine);
  const parts = geometryParts(geometry);
  if (parts.vertices.length === 0) return null;
  const { coords, cumKm } = line;

  if ((parts.segments.length > 0 || parts.polygons.length > 0) && bboxesOverlap(bboxOf(parts.vertices), line.bbox)) {
    const contact = firstContact(parts, line);
    if (contact) {
      const a = coords[contact.index] as Position;
      const point = lerp(a, coords[contact.index + 1] as Position, contact.t);
      return {
        distanceKm: 0,
        chainageKm: (cumKm[contact.index] as number) + geodesicDistanceKm(a, point),
        pointOnGeometry: point,
        pointOnCorridor: point,
      };
    }
  }

  let bestKm = Infinity;
  let bestOnGeometry: Position = parts.vertices[0] as Position;
  let bestOnLine: Position = coords[0] as Position;
  let bestChainageKm = 0;

  // Every vertex of the geometry to every segment of the line.
  for (const p of parts.vertices) {
    const ruler = new CheapRuler(p[1] as number, 'kilometers');
    let segIndex = 0;
    let segT = 0;
    let d2Min = Infinity;
    for (let i = 0; i + 1 < coords.length; i++) {
      const r = closestOnSegment(p, coords[i] as Position, coords[i + 1] as Position, ruler.kx, ruler.ky);
      if (r.d2 < d2Min) {
        d2Min = r.d2;
        segIndex = i;
        segT = r.t;
      }
    }
    const a = coords[segIndex] as Position;
    const q = lerp(a, coords[segIndex + 1] as Position, segT);
    const km = geodesicDistanceKm(p, q);
    if (km < bestKm) {
      bestKm = km;
      bestOnGeometry = p;
      bestOnLine = q;
      bestChainageKm = (cumKm[segIndex] as number) + geodesicDistanceKm(a, q);
    }
  }

  // Every vertex of the line to every segment of the geometry.
  if (parts.segments.length > 0) {
    for (let j = 0; j < coords.length; j++) {
      const c = coords[j] as Position;
      const ruler = new CheapRuler(c[1] as number, 'kilometers');
      let best: { seg: [Position, Position]; t: number } | null = null;
      let d2Min = Infinity;
      for (const seg of parts.segments) {
        const r = closestOnSegment(c, seg[0], seg[1], ruler.kx, ruler.ky);
        if (r.d2 < d2Min) {
          d2Min = r.d2;
          best = { seg, t: r.t };
        }
      }
      if (!best) continue;
      const q = lerp(best.seg[0], best.seg[1], best.t);
      const km = geodesicDistanceKm(c, q);
      if (km < bestKm) {
        bestKm = km;
        bestOnGeometry = q;
        bestOnLine = c;
        bestChainageKm = cumKm[j] as number;
      }
    }
  }

  return {
    distanceKm: bestKm < CONTACT_KM ? 0 : bestKm,
    chainageKm: bestChainageKm,
    pointOnGeometry: bestOnGeometry,
    pointOnCorridor: bestOnLine,
  };
}
