/**
 * `npm run data:region` — builds the region files in data/ from pinned registry packages:
 *
 *   data/region.topo.json  TopoJSON, objects `counties` (35) and `cities` (4): what the app loads
 *   data/counties.geojson  the counties decoded from that topology (RFC 7946)
 *   data/cities.geojson    the cities decoded from that topology (RFC 7946)
 *   data/water.geojson     rivers (data/sources-input/rivers.geojson) and lakes ≥ 2 km²
 *
 * `npm run data:region -- --check` builds into a temporary folder and exits 1, listing the files
 * that differ, when the committed files are not byte-identical to a fresh build.
 * Options: `--out DIR` (write elsewhere), `--cache DIR` (where packages are fetched; default .cache/),
 * `--tolerance-m M` (simplification tolerance for experiments; the committed files use 100 m).
 * See data/README.md for the method, the datum and the licences.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection } from 'topojson-specification';
import type { CityId } from '../domain/types';
import { toGridRing, type GridRing } from './region-grid';
import { cleanCounties, type CleanStats } from './region-clean';
import { gridToWgs84 } from './region-datum';
import { CITY_NAMES, COUNTY_NAMES, currentCountyName } from './region-names';
import { buildRegionTopology, DEFAULT_TOPOLOGY_OPTIONS, type TopologyStats } from './region-topology';
import { normalizeGeometry, roundTo, stringifyFeatureCollection, stringifyTopology } from './region-output';
import { labelPoint } from './region-labels';
import { lakesInRegion, riversFromInput } from './region-water';
import { CITIES_PACKAGE, LAKES_PACKAGE, readPinnedFiles } from './region-source';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const REGION_OUTPUT_FILES = ['region.topo.json', 'counties.geojson', 'cities.geojson', 'water.geojson'] as const;
const RIVERS_INPUT = join(ROOT, 'data', 'sources-input', 'rivers.geojson');
const LAKE_MIN_AREA_KM2 = 2;

export interface CountyProperties {
  code: string;
  name_zh: string;
  name_en: string;
  city: CityId;
  label: [number, number];
}

export interface CityProperties {
  city: CityId;
  code: string;
  name_zh: string;
  name_en: string;
  label: [number, number];
}

interface SourceFeature {
  id?: unknown;
  properties?: { name?: unknown };
  geometry?: { type?: unknown; coordinates?: unknown };
}

/** Reads the four city files into raw grid rings per current county code (ordered by code). */
function readRawCounties(files: Map<string, string>): { code: string; rings: GridRing[] }[] {
  const raw: { code: string; rings: GridRing[] }[] = [];
  for (const [path, text] of files) {
    const fc = JSON.parse(text) as { features?: SourceFeature[] };
    if (!Array.isArray(fc.features)) throw new Error(`${path}: no "features" array`);
    for (const f of fc.features) {
      const id = String(f.id);
      if (typeof f.properties?.name !== 'string') throw new Error(`${path}: feature id ${id}: field "properties.name" missing`);
      const names = currentCountyName(id, f.properties.name, path);
      const type = f.geometry?.type;
      const coordinates = f.geometry?.coordinates as Position[][] | Position[][][] | undefined;
      if ((type !== 'Polygon' && type !== 'MultiPolygon') || !Array.isArray(coordinates)) {
        throw new Error(`${path}: feature id ${id}: field "geometry" must be a Polygon or MultiPolygon`);
      }
      const polygons = type === 'Polygon' ? [coordinates as Position[][]] : (coordinates as Position[][][]);
      const rings = polygons.flat().map((ring, i) => toGridRing(ring, `${path}: feature id ${id}: ring ${i}`));
      if (raw.some((r) => r.code === names.code)) throw new Error(`${path}: feature id ${id}: duplicate county`);
      raw.push({ code: names.code, rings });
    }
  }
  const missing = COUNTY_NAMES.filter((c) => !raw.some((r) => r.code === c.code)).map((c) => `${c.code} ${c.name_zh}`);
  if (missing.length > 0) throw new Error(`${CITIES_PACKAGE.spec}: counties missing from the source: ${missing.join(', ')}`);
  return raw.sort((a, b) => a.code.localeCompare(b.code));
}

export interface RegionBuild {
  files: Record<(typeof REGION_OUTPUT_FILES)[number], string>;
  clean: CleanStats;
  topology: TopologyStats;
  lakes: number;
  rivers: number;
}

/** Runs the whole pipeline and returns the file contents (nothing is written). */
export function buildRegion(cacheDir: string, log: (line: string) => void, toleranceM = DEFAULT_TOPOLOGY_OPTIONS.toleranceM): RegionBuild {
  const sources = readPinnedFiles(CITIES_PACKAGE, cacheDir, log);
  const raw = readRawCounties(sources);
  const { counties: gridCounties, stats: clean } = cleanCounties(raw);

  // Datum: half-cell shift + GCJ-02 → WGS-84 per vertex; rounded to 1e-7° (1 cm) so the
  // topology does not depend on the last bits of the trigonometry.
  const toWgs = (ring: GridRing): Position[] => ring.map((p) => gridToWgs84(p).map((v) => roundTo(v, 7)));
  const inputs = gridCounties.map((c) => {
    const names = COUNTY_NAMES.find((n) => n.code === c.code)!;
    const polygons = c.polygons.map((poly) => poly.map(toWgs));
    const geometry: Polygon | MultiPolygon =
      polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
    return { id: c.code, properties: { code: c.code, name_zh: names.name_zh, name_en: names.name_en, city: names.city }, geometry };
  });

  const { topology, stats: topologyStats } = buildRegionTopology(
    inputs,
    (p) => p.city,
    (city) => {
      const n = CITY_NAMES.find((c) => c.city === city)!;
      return { id: n.code, properties: { city: n.city, code: n.code, name_zh: n.name_zh, name_en: n.name_en } };
    },
    { ...DEFAULT_TOPOLOGY_OPTIONS, toleranceM },
  );

  const decode = <P>(name: 'counties' | 'cities'): Feature<Polygon | MultiPolygon, P>[] => {
    const fc = feature(topology, topology.objects[name] as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon, P>;
    return fc.features.map((f) => ({ ...f, geometry: normalizeGeometry(f.geometry, 5) as Polygon | MultiPolygon }));
  };
  // Labels are computed on the shipped (simplified, quantised) shapes and written into both the
  // topology and the GeoJSON.
  const addLabels = (name: 'counties' | 'cities', features: Feature<Polygon | MultiPolygon, Record<string, unknown>>[]): void => {
    const geometries = (topology.objects[name] as GeometryCollection).geometries;
    features.forEach((f, i) => {
      const label = labelPoint(f.geometry);
      f.properties = { ...f.properties, label };
      const g = geometries[i]!;
      g.properties = { ...(g.properties ?? {}), label };
    });
  };
  const counties = decode<Record<string, unknown>>('counties');
  const cities = decode<Record<string, unknown>>('cities');
  addLabels('counties', counties);
  addLabels('cities', cities);

  const rivers = riversFromInput(JSON.parse(readFileSync(RIVERS_INPUT, 'utf8')), RIVERS_INPUT);
  const lakeFiles = readPinnedFiles(LAKES_PACKAGE, cacheDir, log);
  const lakesPath = LAKES_PACKAGE.files[0]!.path;
  const lakes = lakesInRegion(JSON.parse(lakeFiles.get(lakesPath)!), `${LAKES_PACKAGE.spec} ${lakesPath}`, cities.map((c) => c.geometry), LAKE_MIN_AREA_KM2);

  return {
    files: {
      'region.topo.json': stringifyTopology(topology),
      'counties.geojson': stringifyFeatureCollection(counties),
      'cities.geojson': stringifyFeatureCollection(cities),
      'water.geojson': stringifyFeatureCollection([...rivers, ...lakes]),
    },
    clean,
    topology: topologyStats,
    lakes: lakes.length,
    rivers: rivers.length,
  };
}

/** Names of the files in `dir` that are missing or not byte-identical to `files` (for `--check`). */
export function filesDiffering(files: Readonly<Record<string, string>>, dir: string): string[] {
  const differ: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const committed = join(dir, name);
    if (!existsSync(committed)) differ.push(`${name} (missing in ${dir})`);
    else if (readFileSync(committed, 'utf8') !== text) differ.push(name);
  }
  return differ;
}

function printStats(build: RegionBuild, log: (line: string) => void): void {
  const c = build.clean;
  const km2 = (v: number): string => v.toFixed(3);
  log(`source vertices: ${c.verticesIn}; consecutive duplicates removed: ${c.duplicatesRemoved}; spikes removed: ${c.spikesRemoved} (${c.spikeVerticesRemoved} vertices); collapsed rings dropped: ${c.collapsedRings}; T-junction vertices inserted: ${c.tJunctionsInserted}`);
  log(`parts: ${c.partsIn} rings in; ${c.partsMerged} merged along shared edges`);
  log(`small parts dropped (< 0.1 km²): ${c.crumbsDropped.length} (${c.crumbsDropped.map((d) => `${d.code} ${km2(d.areaKm2)}`).join(', ')})`);
  log(`larger detached parts dropped: ${c.partsDropped.map((d) => `${d.code} ${km2(d.areaKm2)} km² at ${d.at.join(',')}`).join('; ') || 'none'}`);
  log(`exclaves kept: ${c.exclavesKept.map((d) => `${d.code} ${km2(d.areaKm2)} km²`).join(', ')}`);
  log(`pinholes filled: ${c.pinholesFilled.length} (${c.pinholesFilled.map((d) => `→${d.toCode} ${km2(d.areaKm2)}`).join(', ')})`);
  log(`holes kept (enclaves of outside counties): ${c.holesKept.map((d) => `${km2(d.areaKm2)} km²`).join(', ') || 'none'}; overlapping edges between counties: ${c.overlapEdges}`);
  log(`vertices after cleaning: ${c.verticesOut}`);
  const t = build.topology;
  log(`topology: ${t.arcs} arcs, ${t.verticesBefore} arc vertices → ${t.verticesAfter} after simplification; restored ${t.pointsProtectedForRings} for small rings, ${t.pointsProtectedForCrossings} for crossings`);
  log(`water: ${build.rivers} rivers, ${build.lakes} lakes ≥ ${LAKE_MIN_AREA_KM2} km²`);
}

function main(argv: readonly string[]): number {
  const started = performance.now();
  const option = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const value = argv[i + 1];
    if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
    return value;
  };
  const known = new Set(['--check', '--out', '--cache', '--quiet', '--tolerance-m']);
  for (const a of argv) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a} (known: ${[...known].join(', ')})`);
  const check = argv.includes('--check');
  const quiet = argv.includes('--quiet');
  const log = (line: string): void => {
    if (!quiet) console.log(line);
  };
  const cacheDir = resolve(option('--cache') ?? join(ROOT, '.cache'));
  const dataDir = join(ROOT, 'data');
  const toleranceText = option('--tolerance-m');
  const toleranceM = toleranceText === undefined ? DEFAULT_TOPOLOGY_OPTIONS.toleranceM : Number(toleranceText);
  if (!Number.isFinite(toleranceM) || toleranceM < 0) throw new Error(`--tolerance-m: not a non-negative number: ${toleranceText}`);
  if (check && toleranceM !== DEFAULT_TOPOLOGY_OPTIONS.toleranceM) throw new Error('--check compares the default build: leave out --tolerance-m');
  const build = buildRegion(cacheDir, log, toleranceM);
  printStats(build, log);

  if (check) {
    const tmp = mkdtempSync(join(tmpdir(), 'cdmz-region-'));
    try {
      for (const name of REGION_OUTPUT_FILES) writeFileSync(join(tmp, name), build.files[name]);
      const differ = filesDiffering(build.files, dataDir);
      if (differ.length > 0) {
        console.error(`data:region --check: these files differ from a fresh build (fresh copies in ${tmp}):\n  ${differ.join('\n  ')}`);
        return 1;
      }
      rmSync(tmp, { recursive: true, force: true });
      console.log(`data:region --check: ${REGION_OUTPUT_FILES.length} files identical to a fresh build (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      return 0;
    } catch (error) {
      rmSync(tmp, { recursive: true, force: true });
      throw error;
    }
  }
  const outDir = resolve(option('--out') ?? dataDir);
  mkdirSync(outDir, { recursive: true });
  for (const name of REGION_OUTPUT_FILES) {
    writeFileSync(join(outDir, name), build.files[name]);
    log(`wrote ${join(outDir, name)} (${Buffer.byteLength(build.files[name])} bytes)`);
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`data:region: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
