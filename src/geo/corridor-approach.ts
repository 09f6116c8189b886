import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry, LineString, Position } from 'geojson';
import { geodesicDistanceKm } from './geodesic-distance-km';
import { kmPerDegreeLat, kmPerDegreeLon } from './wgs84-scale';
import { geometryParts, type GeometryParts } from './geometry-parts';
import { segmentContactT } from './segment-contact';
import { bboxOfPositions } from './bbox-of-positions';

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
  /** Bounding box of each segment. */
  segBoxes: Array<[number, number, number, number]>;
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
  const segBoxes = coords.slice(1).map((b, i) => bboxOfPositions([coords[i] as Position, b]));
  const p: PreparedLine = { coords, cumKm, segBoxes, bbox: bboxOfPositions(coords) };
  prepared.set(line, p);
  return p;
}


function lerp(a: Position, b: Position, t: number): Position {
  const ax = a[0] as number;
  const ay = a[1] as number;
  return [ax + ((b[0] as number) - ax) * t, ay + ((b[1] as number) - ay) * t];
}

type Box = [number, number, number, number];

/** Squared local distance of the last {@link closestT} call (avoids an allocation per call). */
let scratchD2 = 0;

/**
 * Parameter t ∈ [0, 1] of the point of segment a→b closest to p, in a local ellipsoidal frame
 * at p's latitude (scale factors kx, ky in km per degree); sets `scratchD2` to its squared
 * local distance in km².
 */
function closestT(p: Position, a: Position, b: Position, kx: number, ky: number): number {
  const ax = a[0] as number;
  const ay = a[1] as number;
  const dx = ((b[0] as number) - ax) * kx;
  const dy = ((b[1] as number) - ay) * ky;
  const ex = ((p[0] as number) - ax) * kx;
  const ey = ((p[1] as number) - ay) * ky;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? (ex * dx + ey * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const fx = ex - t * dx;
  const fy = ey - t * dy;
  scratchD2 = fx * fx + fy * fy;
  return t;
}

/**
 * Conservative km-per-degree factors over a latitude span: the smallest of each, less 0.5 %,
 * so that box gaps times them are lower bounds of geodesic distances.
 */
function lowScales(box: Box): [number, number] {
  const hi = Math.min(89.9, Math.max(Math.abs(box[1]), Math.abs(box[3])));
  const lo = box[1] <= 0 && box[3] >= 0 ? 0 : Math.min(Math.abs(box[1]), Math.abs(box[3]));
  return [0.995 * kmPerDegreeLon(hi), 0.995 * kmPerDegreeLat(lo)];
}

/** A lower bound (km) of the distance between two lon/lat boxes, given {@link lowScales}. */
function boxGapLowerBoundKm(a: Box, b: Box, kxLow: number, kyLow: number): number {
  const gx = Math.max(0, a[0] - b[2], b[0] - a[2]);
  const gy = Math.max(0, a[1] - b[3], b[1] - a[3]);
  return gx === 0 && gy === 0 ? 0 : Math.sqrt(gx * kxLow * (gx * kxLow) + gy * kyLow * (gy * kyLow));
}

/**
 * How much a local-frame distance may exceed the geodesic one and still be worth an exact
 * check: the frame's scale is exact at the vertex and drifts by ~tan(lat)·Δlat across the
 * candidate, i.e. < 1 % per 100 km here; 1 % + 1 % per 100 km of the best so far covers it.
 */
function candidateMargin(bestKm: number): number {
  return Number.isFinite(bestKm) ? 1.01 + bestKm / 10000 : Infinity;
}

/** First contact between the geometry and the line, walking the line from its start. */
function firstContact(parts: GeometryParts, line: PreparedLine): { index: number; t: number } | null {
  const { coords } = line;
  for (let i = 0; i + 1 < coords.length; i++) {
    const a = coords[i] as Position;
    const b = coords[i + 1] as Position;
    if (!bboxesOverlap(line.segBoxes[i] as Box, parts.bbox)) continue;
    // A line vertex inside (or on) a polygon is a contact at that vertex.
    if (insideAnyPolygon(a, parts)) return { index: i, t: 0 };
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
  return insideAnyPolygon(last, parts) ? { index: coords.length - 2, t: 1 } : null;
}

function insideAnyPolygon(p: Position, parts: GeometryParts): boolean {
  const x = p[0] as number;
  const y = p[1] as number;
  const box = parts.bbox;
  if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) return false;
  return parts.polygons.some((poly) => booleanPointInPolygon(p, { type: 'Polygon', coordinates: poly }));
}

function bboxesOverlap(a: Box, b: Box): boolean {
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

  if ((parts.segments.length > 0 || parts.polygons.length > 0) && bboxesOverlap(parts.bbox, line.bbox)) {
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
  /** Segment of the line holding `bestOnLine`, or −(vertex index + 1) when it is a line vertex. */
  let bestSeg = -1;
  const gb = parts.bbox;
  const [kxLow, kyLow] = lowScales([Math.min(gb[0], line.bbox[0]), Math.min(gb[1], line.bbox[1]), Math.max(gb[2], line.bbox[2]), Math.max(gb[3], line.bbox[3])]);

  // Every vertex of the geometry to every segment of the line; a segment is skipped once a
  // lower bound of its distance (box gap) reaches the best so far. No allocation per pair.
  const nSeg = coords.length - 1;
  const segLowerKm = new Float64Array(nSeg);
  for (let i = 0; i < nSeg; i++) segLowerKm[i] = boxGapLowerBoundKm(gb, line.segBoxes[i] as Box, kxLow, kyLow);
  for (const p of parts.vertices) {
    const px = p[0] as number;
    const py = p[1] as number;
    const kx = kmPerDegreeLon(py);
    const ky = kmPerDegreeLat(py);
    for (let i = 0; i < nSeg; i++) {
      if ((segLowerKm[i] as number) >= bestKm) continue;
      const sb = line.segBoxes[i] as Box;
      const gx = (px < sb[0] ? sb[0] - px : px > sb[2] ? px - sb[2] : 0) * kxLow;
      const gy = (py < sb[1] ? sb[1] - py : py > sb[3] ? py - sb[3] : 0) * kyLow;
      if (gx * gx + gy * gy >= bestKm * bestKm) continue;
      const a = coords[i] as Position;
      const b = coords[i + 1] as Position;
      const t = closestT(p, a, b, kx, ky);
      const margin = bestKm * candidateMargin(bestKm);
      if (scratchD2 >= margin * margin) continue;
      const q = lerp(a, b, t);
      const km = geodesicDistanceKm(p, q);
      if (km < bestKm) {
        bestKm = km;
        bestOnGeometry = p;
        bestOnLine = q;
        bestSeg = i;
      }
    }
  }

  // Every vertex of the line to every segment of the geometry, skipped when the vertex is
  // farther than the best from the geometry's bounding box.
  if (parts.segments.length > 0) {
    for (let j = 0; j < coords.length; j++) {
      const c = coords[j] as Position;
      const cx = c[0] as number;
      const cy = c[1] as number;
      const gx = (cx < gb[0] ? gb[0] - cx : cx > gb[2] ? cx - gb[2] : 0) * kxLow;
      const gy = (cy < gb[1] ? gb[1] - cy : cy > gb[3] ? cy - gb[3] : 0) * kyLow;
      if (gx * gx + gy * gy >= bestKm * bestKm) continue;
      const kx = kmPerDegreeLon(cy);
      const ky = kmPerDegreeLat(cy);
      for (const [s0, s1] of parts.segments) {
        const t = closestT(c, s0, s1, kx, ky);
        const margin = bestKm * candidateMargin(bestKm);
        if (scratchD2 >= margin * margin) continue;
        const q = lerp(s0, s1, t);
        const km = geodesicDistanceKm(c, q);
        if (km < bestKm) {
          bestKm = km;
          bestOnGeometry = q;
          bestOnLine = c;
          bestSeg = -(j + 1);
        }
      }
    }
  }

  const bestChainageKm = bestSeg >= 0 ? (cumKm[bestSeg] as number) + geodesicDistanceKm(coords[bestSeg] as Position, bestOnLine) : (cumKm[-bestSeg - 1] as number);
  return {
    distanceKm: bestKm < CONTACT_KM ? 0 : bestKm,
    chainageKm: bestChainageKm,
    pointOnGeometry: bestOnGeometry,
    pointOnCorridor: bestOnLine,
  };
}
