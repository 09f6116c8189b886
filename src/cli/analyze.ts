/**
 * `npm run -s analyze [-- --date YYYY-MM-DD] [--csv] [--zones-geojson FILE] [--data DIR]`
 *
 * Prints, for every project, its distance and chainage (km) to every corridor, its junction
 * zones, and its status and progress on the date (default: the latest milestone date):
 *
 *   { corridors: [{id,name_zh,name_en}], zones: [{id,name_zh,name_en}],
 *     projects: [{id, distances_km: {corridorId: km}, chainage_km: {corridorId: km}, zones: [zoneId],
 *                 status, progress, status_basis, last_observed, stale}] }
 *
 * Freshness (src/domain/state-intervals.ts `stateOn`): `last_observed` is the date of the latest
 * observation (report/public) on or before the date (null when none); `stale` is true when a
 * status is shown but no observation has confirmed it for over 12 months. `status_basis` says
 * what the status rests on: `report`/`public`, or `plan` (named in a plan only: `planned`).
 *
 * Same code path as the app: the parsers of src/data/ and `analyzeProjects`. Projects without
 * geometry have empty `distances_km`/`chainage_km` and no zones. `--csv` prints the same as CSV
 * (UTF-8, one row per project, a `distance_km:<corridor>` and a `chainage_km:<corridor>` column per
 * corridor, zones joined with "; "). `--zones-geojson FILE` also writes the computed zone
 * polygons. Strict: any problem in an input file (a bad file, or a bad item the app would only
 * warn about and drop) is printed to stderr naming the file, id and field, and the exit code is 1;
 * a bad flag prints the usage and exits 2. stdout carries only the result; use `npm run -s` so npm
 * prints no banner there.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Corridor, DataIssue, JunctionZone, Project, ProjectAnalysis, Status } from '../domain/types';
import { csvCell } from '../domain/export-csv';
import { latestMilestoneDate } from '../domain/status-on-date';
import { stateOn } from '../domain/state-intervals';
import { analyzeProjects } from '../data/analyze-projects';
import { parseCorridors } from '../data/parse-corridors';
import { formatDataIssue, parseProjects } from '../data/parse-projects';
import { parseRegion } from '../data/parse-region';
import { parseSources } from '../data/parse-sources';
import { parseZones } from '../data/parse-zones';
import { isoDateSchema } from '../data/project-schema';
import { bboxRegionCheck, polygonRegionCheck } from '../data/project-region-check';

export const ANALYZE_USAGE =
  'usage: npm run -s analyze [-- --date YYYY-MM-DD] [--csv] [--zones-geojson FILE] [--data DIR]\n' +
  '  --date YYYY-MM-DD     status and progress on this date (default: the latest milestone date)\n' +
  '  --csv                 print CSV instead of JSON\n' +
  '  --zones-geojson FILE  also write the computed junction-zone polygons to FILE\n' +
  '  --data DIR            read the data files from DIR (default: data)';

export interface AnalyzeOptions {
  date: string | null;
  csv: boolean;
  zonesGeojson: string | null;
  dataDir: string;
}

export interface AnalyzeProjectRow {
  id: string;
  distances_km: Record<string, number>;
  chainage_km: Record<string, number>;
  zones: string[];
  status: Status | null;
  progress: number | null;
  /** What the status rests on: an observation (`report`/`public`) or a plan item (`plan`: named in a plan only). */
  status_basis: 'report' | 'public' | 'plan' | null;
  /** Latest observation on or before the date; null when none. */
  last_observed: string | null;
  /** A status is shown but no observation has confirmed it for over 12 months. */
  stale: boolean;
}

export interface AnalyzeResult {
  corridors: Array<{ id: string; name_zh: string; name_en: string }>;
  zones: Array<{ id: string; name_zh: string; name_en: string }>;
  projects: AnalyzeProjectRow[];
}

/** Parses the command line; returns the usage problem as a string. */
export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeOptions | string {
  const opts: AnalyzeOptions = { date: null, csv: false, zonesGeojson: null, dataDir: 'data' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return null;
      i++;
      return v;
    };
    switch (flag) {
      case '--csv':
        if (inline !== undefined) return '--csv takes no value';
        opts.csv = true;
        break;
      case '--date': {
        const v = value();
        if (v === null) return '--date needs a value YYYY-MM-DD';
        const ok = isoDateSchema.safeParse(v);
        if (!ok.success) return `--date: ${ok.error.issues[0]?.message ?? 'must be YYYY-MM-DD'}`;
        opts.date = v;
        break;
      }
      case '--zones-geojson': {
        const v = value();
        if (v === null || v === '') return '--zones-geojson needs a file name';
        opts.zonesGeojson = v;
        break;
      }
      case '--data': {
        const v = value();
        if (v === null || v === '') return '--data needs a directory';
        opts.dataDir = v;
        break;
      }
      default:
        return `unknown argument ${a}`;
    }
  }
  return opts;
}

class InputError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(issues.map(formatDataIssue).join('\n'));
  }
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError([{ file: path, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError([{ file: path, message: `not valid JSON: ${(e as Error).message}` }]);
  }
}

function unwrap<T>(r: { ok: true; value: T; warnings: DataIssue[] } | { ok: false; error: DataIssue }, issues: DataIssue[]): T | null {
  if (!r.ok) {
    issues.push(r.error);
    return null;
  }
  issues.push(...r.warnings);
  return r.value;
}

/** Loads and validates the data folder exactly as the app does; throws InputError listing every problem. */
export function loadAnalyzeInputs(dataDir: string): { projects: Project[]; corridors: Corridor[]; zones: JunctionZone[] } {
  const path = (name: string) => join(dataDir, name);
  const issues: DataIssue[] = [];
  const sources = unwrap(parseSources(readJson(path('sources.json')), path('sources.json')), issues);
  let region = bboxRegionCheck();
  if (existsSync(path('region.topo.json'))) {
    const r = parseRegion(readJson(path('region.topo.json')));
    if (!r.ok) issues.push({ ...r.error, file: path('region.topo.json') });
    else region = polygonRegionCheck(r.value.cities as FeatureCollection<Polygon | MultiPolygon>);
  }
  const projects = sources ? unwrap(parseProjects(readJson(path('projects.json')), sources, region, path('projects.json')), issues) : null;
  const corridors = unwrap(parseCorridors(readJson(path('corridors.geojson')), path('corridors.geojson'), sources ?? undefined), issues);
  const zonePolygons = existsSync(path('zones.geojson')) ? readJson(path('zones.geojson')) : null;
  if (zonePolygons === null) issues.push({ file: path('zones.geojson'), message: 'missing: run npm run data:zones' });
  const zones = unwrap(parseZones(readJson(path('zones.json')), zonePolygons, { zones: path('zones.json'), polygons: path('zones.geojson') }, sources ?? undefined), issues);
  if (issues.length > 0 || !projects || !corridors || !zones) throw new InputError(issues);
  return { projects, corridors, zones };
}

/** The analysis as printed by the CLI (pure given loaded inputs). */
export function analyzeResult(projects: readonly Project[], corridors: readonly Corridor[], zones: readonly JunctionZone[], asOfDate: string): AnalyzeResult {
  const analysis = analyzeProjects(projects, corridors, zones);
  const empty: ProjectAnalysis = { distances_km: {}, chainage_km: {}, zones: [] };
  return {
    corridors: corridors.map((c) => ({ id: c.id, name_zh: c.name_zh, name_en: c.name_en })),
    zones: zones.map((z) => ({ id: z.id, name_zh: z.name_zh, name_en: z.name_en })),
    projects: projects.map((p) => {
      const a = analysis.get(p.id) ?? empty;
      const state = stateOn(p, asOfDate);
      return {
        id: p.id,
        distances_km: a.distances_km,
        chainage_km: a.chainage_km,
        zones: a.zones,
        status: state.status,
        progress: state.progress,
        status_basis: state.basis?.evidence ?? null,
        last_observed: state.last_observed,
        stale: state.stale,
      };
    }),
  };
}

/** CSV (UTF-8, LF line ends) of the same rows as the JSON. */
export function analyzeCsv(result: AnalyzeResult): string {
  const ids = result.corridors.map((c) => c.id);
  const header = ['id', 'status', 'progress', 'status_basis', 'last_observed', 'stale', 'zones', ...ids.map((id) => `distance_km:${id}`), ...ids.map((id) => `chainage_km:${id}`)];
  const rows = result.projects.map((p) =>
    [
      csvCell(p.id),
      csvCell(p.status),
      csvCell(p.progress),
      csvCell(p.status_basis),
      csvCell(p.last_observed),
      csvCell(p.stale),
      csvCell(p.zones),
      ...ids.map((id) => csvCell(p.distances_km[id] ?? null)),
      ...ids.map((id) => csvCell(p.chainage_km[id] ?? null)),
    ].join(','),
  );
  return [header.map((h) => csvCell(h)).join(','), ...rows].join('\n') + '\n';
}

/** The computed zone polygons as a FeatureCollection (zones without a polygon are left out). */
export function zonesFeatureCollection(zones: readonly JunctionZone[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: zones
      .filter((z) => z.polygon)
      .map((z) => ({
        type: 'Feature',
        properties: {
          id: z.id,
          name_zh: z.name_zh,
          name_en: z.name_en,
          sides: z.sides,
          width_km: z.width_km,
          inferred: z.inferred,
          source: z.source,
          outline: z.outline,
          published_area_km2: z.published_area?.km2 ?? null,
        },
        geometry: z.polygon as Polygon | MultiPolygon,
      })),
  };
}

/** Runs the command; returns what to print and the exit code (testable without a process). */
export function runAnalyze(argv: readonly string[]): { code: number; stdout: string; stderr: string } {
  const opts = parseAnalyzeArgs(argv);
  if (typeof opts === 'string') return { code: 2, stdout: '', stderr: `analyze: ${opts}\n${ANALYZE_USAGE}\n` };
  let inputs;
  try {
    inputs = loadAnalyzeInputs(opts.dataDir);
  } catch (e) {
    if (e instanceof InputError) return { code: 1, stdout: '', stderr: `analyze: invalid input:\n${e.message}\n` };
    throw e;
  }
  const date = opts.date ?? latestMilestoneDate(inputs.projects);
  if (date === null) return { code: 1, stdout: '', stderr: `analyze: ${join(opts.dataDir, 'projects.json')}: no milestone dates; pass --date YYYY-MM-DD\n` };
  const result = analyzeResult(inputs.projects, inputs.corridors, inputs.zones, date);
  if (opts.zonesGeojson) {
    try {
      writeFileSync(opts.zonesGeojson, JSON.stringify(zonesFeatureCollection(inputs.zones)) + '\n');
    } catch (e) {
      return { code: 1, stdout: '', stderr: `analyze: --zones-geojson ${opts.zonesGeojson}: cannot write: ${(e as Error).message}\n` };
    }
  }
  const stdout = opts.csv ? analyzeCsv(result) : JSON.stringify(result, null, 2) + '\n';
  const stale = result.projects.filter((p) => p.stale).length;
  const note = `analyze: as of ${date}: ${result.projects.length} projects (${stale} stale: no report for over 12 months), ${result.corridors.length} corridors, ${result.zones.length} zones${opts.zonesGeojson ? `; zone polygons written to ${opts.zonesGeojson}` : ''}\n`;
  return { code: 0, stdout, stderr: note };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = runAnalyze(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
