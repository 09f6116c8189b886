/**
 * Cleaning of the 35 raw county geometries on the integer grid, in the order that works
 * (see data/README.md): dedupe and despike each ring, drop collapsed rings, merge parts that
 * meet along edges, drop small parts (< 0.1 km²: detached crumbs and lobes pinched off the main
 * body at a single vertex) while keeping the known exclaves, then give each pinhole between
 * counties (including the ones a dropped lobe leaves) to the neighbour with the longest shared
 * border. All exact.
 */
import {
  assemblePolygons,
  cleanRing,
  insertTJunctions,
  mergeRingsExact,
  orientRing,
  ringArea2,
  ringAreaKm2,
  sharedEdgeLength,
  type GridRing,
} from './region-grid';

/** A county on the grid: polygons (outer ring CCW first, then CW holes). */
export interface GridCounty {
  code: string;
  polygons: GridRing[][];
}

export interface CleanStats {
  verticesIn: number;
  duplicatesRemoved: number;
  /** Spike tips (A-B-A) removed from rings that survive. */
  spikesRemoved: number;
  /** Vertices those spikes took with them (tips and the duplicates they leave). */
  spikeVerticesRemoved: number;
  collapsedRings: number;
  /** Vertices inserted where a vertex lay exactly on another edge (T-junctions, self-touching rings). */
  tJunctionsInserted: number;
  partsIn: number;
  partsMerged: number;
  crumbsDropped: { code: string; areaKm2: number }[];
  exclavesKept: { code: string; areaKm2: number }[];
  /** Detached parts ≥ crumbMaxKm2 that are not known exclaves; `at` is a vertex [lon, lat] on the grid. */
  partsDropped: { code: string; areaKm2: number; at: [number, number] }[];
  pinholesFilled: { toCode: string; areaKm2: number }[];
  holesKept: { areaKm2: number }[];
  /** Edges present twice in the same direction across counties (an overlap); 0 expected. */
  overlapEdges: number;
  verticesOut: number;
}

export interface CleanOptions {
  /** Detached parts smaller than this are dropped (km²). */
  crumbMaxKm2: number;
  /** Gaps between counties up to this size are pinholes and get filled (km²). */
  pinholeMaxKm2: number;
  /** Codes allowed to keep a detached part ≥ crumbMaxKm2 (the real exclaves). */
  exclaveCodes: readonly string[];
}

export const DEFAULT_CLEAN_OPTIONS: CleanOptions = {
  crumbMaxKm2: 0.1,
  pinholeMaxKm2: 0.5,
  // 金牛 inside 郫都 (0.22 km²), 双流 inside 彭山 (0.79 km²), and 彭山's own 5.3 km² exclave west
  // of 新津 (present in the Tianditu reference too).
  exclaveCodes: ['510106', '510116', '511403'],
};

const polygonAreaKm2 = (polygon: GridRing[]): number =>
  polygon.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * ringAreaKm2(ring), 0);

/**
 * Cleans raw county rings (all rings of a county, any winding, the source has no holes).
 * Throws when a county keeps an unexpected detached part, naming the code.
 */
export function cleanCounties(
  raw: readonly { code: string; rings: GridRing[] }[],
  options: CleanOptions = DEFAULT_CLEAN_OPTIONS,
): { counties: GridCounty[]; stats: CleanStats } {
  const stats: CleanStats = {
    verticesIn: 0,
    duplicatesRemoved: 0,
    spikesRemoved: 0,
    spikeVerticesRemoved: 0,
    collapsedRings: 0,
    tJunctionsInserted: 0,
    partsIn: 0,
    partsMerged: 0,
    crumbsDropped: [],
    exclavesKept: [],
    partsDropped: [],
    pinholesFilled: [],
    holesKept: [],
    overlapEdges: 0,
    verticesOut: 0,
  };
  const cleanedRaw: { code: string; rings: GridRing[] }[] = [];
  for (const county of raw) {
    const rings: GridRing[] = [];
    for (const ring of county.rings) {
      stats.verticesIn += ring.length;
      stats.partsIn++;
      const cleaned = cleanRing(ring);
      stats.duplicatesRemoved += cleaned.duplicatesRemoved;
      if (cleaned.collapsed) {
        stats.collapsedRings++;
        continue;
      }
      stats.spikesRemoved += cleaned.spikesRemoved;
      stats.spikeVerticesRemoved += cleaned.spikeVerticesRemoved;
      rings.push(orientRing(cleaned.ring, true));
    }
    cleanedRaw.push({ code: county.code, rings });
  }
  // T-junctions across all counties at once, so neighbours' borders match edge for edge.
  const all = insertTJunctions(cleanedRaw.flatMap((c) => c.rings));
  stats.tJunctionsInserted = all.inserted;
  let offset = 0;
  const counties: GridCounty[] = [];
  for (const county of cleanedRaw) {
    const rings = all.rings.slice(offset, offset + county.rings.length);
    offset += county.rings.length;
    const merged = mergeRingsExact(rings);
    let polygons = assemblePolygons(merged.rings.filter((r) => ringArea2(r) !== 0));
    stats.partsMerged += Math.max(0, rings.length - polygons.length);
    polygons.sort((a, b) => ringArea2(b[0]!) - ringArea2(a[0]!));
    const main = polygons[0];
    if (!main) throw new Error(`county ${county.code}: no polygon left after cleaning`);
    const kept: GridRing[][] = [main];
    for (const part of polygons.slice(1)) {
      const areaKm2 = polygonAreaKm2(part);
      if (areaKm2 < options.crumbMaxKm2) {
        stats.crumbsDropped.push({ code: county.code, areaKm2 });
      } else if (options.exclaveCodes.includes(county.code)) {
        stats.exclavesKept.push({ code: county.code, areaKm2 });
        kept.push(part);
      } else {
        // A larger detached part that is not a known exclave (雁江 has a 0.19 km² island 1.2 km
        // outside its border that the Tianditu reference does not have): dropped, and reported.
        const [x, y] = part[0]![0]!;
        stats.partsDropped.push({ code: county.code, areaKm2, at: [x / 1024, y / 1024] });
      }
    }
    polygons = kept;
    counties.push({ code: county.code, polygons });
  }
  for (const code of options.exclaveCodes) {
    if (!stats.exclavesKept.some((e) => e.code === code)) throw new Error(`county ${code}: the known exclave is missing from the source`);
  }
  fillPinholes(counties, options, stats);
  for (const c of counties) for (const p of c.polygons) for (const r of p) stats.verticesOut += r.length;
  return { counties, stats };
}

/**
 * Gaps between counties (holes of the union that no county covers) up to `pinholeMaxKm2` are
 * merged into the county sharing the longest border with them; larger holes are real enclaves of
 * outside counties and stay.
 */
function fillPinholes(counties: GridCounty[], options: CleanOptions, stats: CleanStats): void {
  const all = counties.flatMap((c) => c.polygons.flat());
  const union = mergeRingsExact(all);
  stats.overlapEdges = union.duplicateEdges;
  const holes = union.rings.filter((r) => ringArea2(r) < 0);
  for (const hole of holes) {
    const areaKm2 = ringAreaKm2(hole);
    if (areaKm2 > options.pinholeMaxKm2) {
      stats.holesKept.push({ areaKm2 });
      continue;
    }
    let best: GridCounty | undefined;
    let bestLength = 0;
    for (const c of counties) {
      const length = sharedEdgeLength([hole], c.polygons.flat());
      if (length > bestLength) {
        bestLength = length;
        best = c;
      }
    }
    if (!best) throw new Error(`pinhole of ${areaKm2.toFixed(4)} km² at grid ${hole[0]![0]},${hole[0]![1]} touches no county`);
    const filler = orientRing(hole, true);
    const merged = mergeRingsExact([...best.polygons.flat(), filler]);
    best.polygons = assemblePolygons(merged.rings).sort((a, b) => ringArea2(b[0]!) - ringArea2(a[0]!));
    stats.pinholesFilled.push({ toCode: best.code, areaKm2 });
  }
}
