/**
 * Topology of the counties, built once: shared borders become shared arcs, so simplifying an arc
 * changes both neighbours identically (no gaps, no slivers), and cities are the merge of their
 * counties' arcs (topojson-client `mergeArcs`), never a floating-point union.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import { mergeArcs, quantize } from 'topojson-client';
import { rewindPolygon } from './region-output';
import type { GeometryCollection, GeometryObject, MultiPolygon as TopoMultiPolygon, Objects, Polygon as TopoPolygon, Topology } from 'topojson-specification';

/** Mean Earth radius (m), the unit of topojson-simplify's spherical weights. */
const EARTH_RADIUS_M = 6_371_008.8;

export interface TopologyOptions {
  /** Visvalingam tolerance: a vertex goes when its triangle is smaller than a square of this side (m). */
  toleranceM: number;
  /** Quantisation step of the output in degrees (positions become integer multiples of it). */
  quantumDeg: number;
  /** A simplified ring must keep at least this share of its unsimplified area. */
  minRingAreaShare: number;
}

export const DEFAULT_TOPOLOGY_OPTIONS: TopologyOptions = { toleranceM: 100, quantumDeg: 1e-5, minRingAreaShare: 0.5 };

export interface TopologyStats {
  arcs: number;
  verticesBefore: number;
  verticesAfter: number;
  /** Vertices restored to keep small rings from collapsing. */
  pointsProtectedForRings: number;
  /** Vertices restored to undo crossings between simplified segments. */
  pointsProtectedForCrossings: number;
}

type WeightedPoint = [number, number, number];

/** Spherical weight threshold (steradians) for a tolerance in metres. */
export function minWeightForToleranceM(toleranceM: number): number {
  return (toleranceM / EARTH_RADIUS_M) ** 2;
}

function ringsOf(geometry: GeometryObject): number[][][] {
  if (geometry.type === 'Polygon') return [(geometry as TopoPolygon).arcs];
  if (geometry.type === 'MultiPolygon') return (geometry as TopoMultiPolygon).arcs;
  return [];
}

const arcIndex = (i: number): number => (i < 0 ? ~i : i);

function ringCoordinates(ring: number[], arcs: WeightedPoint[][], minWeight: number): [number, number][] {
  const out: [number, number][] = [];
  for (const i of ring) {
    const arc = arcs[arcIndex(i)]!;
    const kept = arc.filter((p) => p[2] >= minWeight);
    const points = i < 0 ? kept.slice().reverse() : kept;
    for (let k = out.length === 0 ? 0 : 1; k < points.length; k++) out.push([points[k]![0], points[k]![1]]);
  }
  return out;
}

function planarArea(ring: readonly [number, number][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum / 2;
}

/** Keeps every ring from collapsing: restores its strongest dropped vertices until it holds enough area. */
function protectRings(arcs: WeightedPoint[][], rings: number[][], minWeight: number, share: number): number {
  let restored = 0;
  for (const ring of rings) {
    const full = Math.abs(planarArea(ringCoordinates(ring, arcs, -Infinity)));
    for (;;) {
      const kept = ringCoordinates(ring, arcs, minWeight);
      if (kept.length >= 4 && Math.abs(planarArea(kept)) >= share * full) break;
      let best: WeightedPoint | undefined;
      for (const i of ring) {
        for (const p of arcs[arcIndex(i)]!) if (p[2] < minWeight && (!best || p[2] > best[2])) best = p;
      }
      if (!best) break;
      best[2] = Infinity;
      restored++;
    }
  }
  return restored;
}

interface Segment {
  arc: number;
  /** Indexes into the presimplified arc of the kept start and end points. */
  from: number;
  to: number;
}

function keptSegments(arcs: WeightedPoint[][], minWeight: number): Segment[] {
  const out: Segment[] = [];
  arcs.forEach((arc, a) => {
    let prev = 0;
    for (let k = 1; k < arc.length; k++) {
      if (arc[k]![2] >= minWeight) {
        out.push({ arc: a, from: prev, to: k });
        prev = k;
      }
    }
  });
  return out;
}

function orient(a: readonly number[], b: readonly number[], c: readonly number[]): number {
  return (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
}

/** Proper crossing or overlap of two segments that do not merely share an endpoint. */
function segmentsConflict(p1: readonly number[], p2: readonly number[], q1: readonly number[], q2: readonly number[]): boolean {
  const same = (u: readonly number[], v: readonly number[]): boolean => u[0] === v[0] && u[1] === v[1];
  const shared = same(p1, q1) || same(p1, q2) || same(p2, q1) || same(p2, q2);
  const d1 = orient(q1, q2, p1);
  const d2 = orient(q1, q2, p2);
  const d3 = orient(p1, p2, q1);
  const d4 = orient(p1, p2, q2);
  if (shared) {
    // Sharing an endpoint is fine unless the segments run along each other.
    return d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0 && !(same(p1, q1) && same(p2, q2)) && !(same(p1, q2) && same(p2, q1))
      ? collinearOverlap(p1, p2, q1, q2)
      : false;
  }
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (a: readonly number[], b: readonly number[], c: readonly number[]): boolean =>
    Math.min(a[0]!, b[0]!) <= c[0]! && c[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= c[1]! && c[1]! <= Math.max(a[1]!, b[1]!);
  return (d1 === 0 && on(q1, q2, p1)) || (d2 === 0 && on(q1, q2, p2)) || (d3 === 0 && on(p1, p2, q1)) || (d4 === 0 && on(p1, p2, q2));
}

function collinearOverlap(p1: readonly number[], p2: readonly number[], q1: readonly number[], q2: readonly number[]): boolean {
  const axis = Math.abs(p2[0]! - p1[0]!) >= Math.abs(p2[1]! - p1[1]!) ? 0 : 1;
  const [a0, a1] = [Math.min(p1[axis]!, p2[axis]!), Math.max(p1[axis]!, p2[axis]!)];
  const [b0, b1] = [Math.min(q1[axis]!, q2[axis]!), Math.max(q1[axis]!, q2[axis]!)];
  return Math.min(a1, b1) - Math.max(a0, b0) > 0;
}

/**
 * Finds kept segments that cross each other (within one arc or between arcs) and restores the
 * dropped vertices under both, until no crossing is left. Uses a uniform grid to find candidates.
 */
function undoCrossings(arcs: WeightedPoint[][], minWeight: number): number {
  let restored = 0;
  for (let pass = 0; pass < 50; pass++) {
    const segments = keptSegments(arcs, minWeight);
    const cell = 0.02;
    const buckets = new Map<string, number[]>();
    segments.forEach((s, idx) => {
      const p = arcs[s.arc]![s.from]!;
      const q = arcs[s.arc]![s.to]!;
      const x0 = Math.floor(Math.min(p[0], q[0]) / cell);
      const x1 = Math.floor(Math.max(p[0], q[0]) / cell);
      const y0 = Math.floor(Math.min(p[1], q[1]) / cell);
      const y1 = Math.floor(Math.max(p[1], q[1]) / cell);
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const key = `${x},${y}`;
          const list = buckets.get(key);
          if (list) list.push(idx);
          else buckets.set(key, [idx]);
        }
      }
    });
    const bad = new Set<number>();
    const checked = new Set<string>();
    for (const list of buckets.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          const key = a < b ? `${a}:${b}` : `${b}:${a}`;
          if (checked.has(key)) continue;
          checked.add(key);
          const s = segments[a]!;
          const t = segments[b]!;
          if (s.arc === t.arc && (s.to === t.from || t.to === s.from)) continue;
          const arcS = arcs[s.arc]!;
          const arcT = arcs[t.arc]!;
          if (segmentsConflict(arcS[s.from]!, arcS[s.to]!, arcT[t.from]!, arcT[t.to]!)) {
            bad.add(a);
            bad.add(b);
          }
        }
      }
    }
    if (bad.size === 0) return restored;
    let progress = 0;
    for (const idx of bad) {
      const s = segments[idx]!;
      const arc = arcs[s.arc]!;
      // Restore the strongest dropped vertex under the segment (halves the problem each pass).
      let best = -1;
      for (let k = s.from + 1; k < s.to; k++) if (best < 0 || arc[k]![2] > arc[best]![2]) best = k;
      if (best >= 0) {
        arc[best]![2] = Infinity;
        restored++;
        progress++;
      }
    }
    if (progress === 0) {
      const where = [...bad].slice(0, 6).map((idx) => {
        const s = segments[idx]!;
        const arc = arcs[s.arc]!;
        return `arc ${s.arc} [${arc[s.from]!.slice(0, 2).join(',')}]→[${arc[s.to]!.slice(0, 2).join(',')}]`;
      });
      throw new Error(`region topology: ${bad.size} segments cross that simplification did not cause (the cleaned rings intersect): ${where.join('; ')}`);
    }
  }
  throw new Error('region topology: could not remove segment crossings after 50 passes');
}

export interface CountyFeatureInput<P> {
  id: string;
  properties: P;
  geometry: Polygon | MultiPolygon;
}

/**
 * Builds the county topology once, simplifies the shared arcs, quantises, and merges counties into
 * cities. `groupOf` names the city of a county; `cityProperties` gives each city's properties.
 */
export function buildRegionTopology<P extends object, C extends object>(
  counties: readonly CountyFeatureInput<P>[],
  groupOf: (properties: P) => string,
  cityProperties: (group: string) => { id: string; properties: C },
  options: TopologyOptions = DEFAULT_TOPOLOGY_OPTIONS,
): { topology: Topology; stats: TopologyStats } {
  const collection: FeatureCollection<Polygon | MultiPolygon, P> = {
    type: 'FeatureCollection',
    // One winding for all (RFC 7946: exteriors counter-clockwise), so every shared arc is
    // traversed in opposite directions by its two counties and `mergeArcs` can cancel it.
    features: counties.map((c): Feature<Polygon | MultiPolygon, P> => ({
      type: 'Feature',
      id: c.id,
      properties: c.properties,
      geometry:
        c.geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: rewindPolygon(c.geometry.coordinates) }
          : { type: 'MultiPolygon', coordinates: c.geometry.coordinates.map(rewindPolygon) },
    })),
  };
  const raw = topology({ counties: collection });
  const verticesBefore = raw.arcs.reduce((n, arc) => n + arc.length, 0);
  const pre = presimplify(raw as unknown as Topology<Objects<object>>, sphericalTriangleArea);
  const arcs = pre.arcs as unknown as WeightedPoint[][];
  const minWeight = minWeightForToleranceM(options.toleranceM);
  const countyObject = pre.objects.counties as GeometryCollection;
  const rings = countyObject.geometries.flatMap((g) => ringsOf(g).flat());
  let pointsProtectedForRings = protectRings(arcs, rings, minWeight, options.minRingAreaShare);
  const pointsProtectedForCrossings = undoCrossings(arcs, minWeight);
  // Restoring points for crossings only adds area back; check the rings once more anyway.
  pointsProtectedForRings += protectRings(arcs, rings, minWeight, options.minRingAreaShare);
  const simplified = simplify(pre, minWeight);
  // A fixed round step and origin (not the default n steps across the bbox) so positions decode
  // to short decimals and the output does not depend on the last bits of the bounding box.
  const [x0, y0] = simplified.bbox ?? [0, 0];
  const origin = (v: number): number => Math.floor(v / options.quantumDeg / 100) * 100 * options.quantumDeg;
  const quantized = quantize(simplified, {
    scale: [options.quantumDeg, options.quantumDeg],
    translate: [Number(origin(x0).toFixed(6)), Number(origin(y0).toFixed(6))],
  });
  const verticesAfter = quantized.arcs.reduce((n, arc) => n + arc.length, 0);

  const countyGeometries = (quantized.objects.counties as GeometryCollection<P>).geometries;
  const groups = [...new Set(counties.map((c) => groupOf(c.properties)))];
  const cityGeometries = groups.map((group) => {
    const members = countyGeometries.filter((g) => groupOf(g.properties as P) === group) as (TopoPolygon | TopoMultiPolygon)[];
    const merged = mergeArcs(quantized, members);
    const { id, properties } = cityProperties(group);
    return { type: merged.type, arcs: merged.arcs, id, properties } as TopoMultiPolygon<C>;
  });
  const out: Topology = {
    type: 'Topology',
    bbox: quantized.bbox,
    transform: quantized.transform,
    objects: {
      counties: { type: 'GeometryCollection', geometries: countyGeometries },
      cities: { type: 'GeometryCollection', geometries: cityGeometries },
    },
    arcs: quantized.arcs,
  };
  return {
    topology: out,
    stats: { arcs: out.arcs.length, verticesBefore, verticesAfter, pointsProtectedForRings, pointsProtectedForCrossings },
  };
}
