/**
 * `npm run data:zones [-- --check] [-- --data DIR]`: computes the junction-zone polygons of
 * `data/zones.geojson` from the definitions in `data/zones.json` and the county topology
 * `data/region.topo.json` (shared border of the two sides, buffered by width_km, clipped to the
 * zone's counties: src/geo/junction-zone-polygon.ts). Buffering is heavy, so it runs here at
 * build time and the result is committed; the browser only reads it.
 *
 * `--check` rebuilds into a temporary file and compares it byte for byte with the committed
 * file; on a difference it lists the zones that differ and exits 1.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Topology } from 'topojson-specification';
import { formatDataIssue } from '../data/parse-projects';
import { parseZoneDefinitions, type ZoneDefinition } from '../data/parse-zones';
import { junctionZonePolygon } from '../geo/junction-zone-polygon';
import { parseCheckArgs } from './check-args';

export const ZONES_GEOJSON = 'zones.geojson';

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The exact text of zones.geojson for these definitions: zone polygons in definition order,
 * then their borders, one feature per line (stable bytes, readable diffs).
 * Throws with the zone id when a zone cannot be computed.
 */
export function buildZonesGeoJson(topology: Topology, defs: readonly ZoneDefinition[]): string {
  const zoneLines: string[] = [];
  const borderLines: string[] = [];
  for (const d of defs) {
    let g;
    try {
      g = junctionZonePolygon(topology, [d.sides[0], d.sides[1]], d.width_km);
    } catch (e) {
      throw new Error(`zone ${d.id}: ${(e as Error).message}`);
    }
    zoneLines.push(
      JSON.stringify({
        type: 'Feature',
        properties: {
          id: d.id,
          kind: 'zone',
          name_zh: d.name_zh,
          name_en: d.name_en,
          sides: d.sides,
          width_km: d.width_km,
          inferred: d.inferred,
          area_km2: round1(g.areaKm2),
          border_km: round1(g.borderKm),
        },
        geometry: g.polygon,
      }),
    );
    borderLines.push(JSON.stringify({ type: 'Feature', properties: { id: d.id, kind: 'border' }, geometry: g.border }));
  }
  return (
    '{"type":"FeatureCollection","generator":"npm run data:zones (src/cli/build-zones.ts) from data/zones.json and data/region.topo.json","features":[\n' +
    [...zoneLines, ...borderLines].join(',\n') +
    '\n]}\n'
  );
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${path}: cannot read: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${path}: not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads the definitions and the topology of a data folder and builds the file text. */
export function buildZonesFromDir(dataDir: string): string {
  const defsPath = join(dataDir, 'zones.json');
  const topoPath = join(dataDir, 'region.topo.json');
  const defs = parseZoneDefinitions(readJson(defsPath), defsPath);
  if (!defs.ok) throw new Error(formatDataIssue(defs.error));
  if (defs.warnings.length > 0) throw new Error(defs.warnings.map(formatDataIssue).join('\n'));
  const topo = readJson(topoPath) as Topology;
  if (!topo || typeof topo !== 'object' || topo.type !== 'Topology' || !topo.objects?.['counties']) {
    throw new Error(`${topoPath}: not a TopoJSON Topology with a "counties" object`);
  }
  return buildZonesGeoJson(topo, defs.value);
}

/** Ids of the features whose line differs between two zones.geojson texts. */
export function differingZones(expected: string, actual: string): string[] {
  const byKey = (text: string) => {
    const m = new Map<string, string>();
    for (const line of text.split('\n')) {
      const id = /"id":"([^"]*)","kind":"(zone|border)"/.exec(line);
      if (id) m.set(`${id[1]} (${id[2]})`, line.replace(/,$/, ''));
    }
    return m;
  };
  const a = byKey(expected);
  const b = byKey(actual);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out = keys.filter((k) => a.get(k) !== b.get(k)).map((k) => (!a.has(k) ? `${k}: not in the committed file` : !b.has(k) ? `${k}: in the committed file but not rebuilt` : `${k}: differs`));
  return out.length > 0 || expected === actual ? out : ['file header or layout differs'];
}

/** Runs the command; returns what to print and the exit code (testable without a process). */
export function runBuildZones(argv: readonly string[]): { code: number; stdout: string; stderr: string } {
  const args = parseCheckArgs(argv, 'data:zones');
  if (!args.ok) return { code: 2, stdout: '', stderr: args.message };
  const { check, dataDir } = args;
  let text: string;
  try {
    text = buildZonesFromDir(dataDir);
  } catch (e) {
    return { code: 1, stdout: '', stderr: `data:zones FAILED: ${(e as Error).message}\n` };
  }
  const out = join(dataDir, ZONES_GEOJSON);
  if (!check) {
    writeFileSync(out, text);
    return { code: 0, stdout: `data:zones wrote ${out} (${Buffer.byteLength(text)} bytes)\n`, stderr: '' };
  }
  const tmp = join(mkdtempSync(join(tmpdir(), 'cdmz-zones-')), ZONES_GEOJSON);
  writeFileSync(tmp, text);
  const committed = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (committed === text) return { code: 0, stdout: `data:zones --check OK: ${out} is reproducible\n`, stderr: '' };
  const lines = committed === '' ? [`${out} is missing`] : differingZones(committed, text);
  return {
    code: 1,
    stdout: '',
    stderr: `data:zones --check FAILED: ${out} differs from a fresh build (${tmp}):\n${lines.map((l) => `  ${l}\n`).join('')}run npm run data:zones and commit the result\n`,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = runBuildZones(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
