/**
 * `npm run data:projects [-- --check] [-- --data DIR]`: compiles the authored project files
 * (`data/projects/<id>.json`, one per project, schema `data/project.schema.json`) into
 * what the app and reusers load:
 *
 * - `data/projects.json`: `{ version: 1, projects }` sorted by id, each project's observations
 *   and plan items merged into `milestones` sorted by date (observations before plan items on
 *   the same day; authored order kept otherwise);
 * - `data/atlas.geojson` / `data/atlas.csv`: the full dataset for reuse (one feature/row per
 *   project, state as of the latest record date with freshness; see data/README.md);
 * - `data/project.schema.json`: the JSON Schema of an authored file (from the zod schema);
 * - `data/datapackage.json`: the Frictionless Data Package descriptor of the published files.
 *
 * Every problem in every file is listed (`file: id: field: message`) and nothing is written
 * when there is any. `--check` builds in memory and compares byte for byte with the committed
 * files (exit 1 naming those that differ). Reads nothing outside DIR.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { authoredProjectJsonSchema, authoredProjectSchema, type AuthoredProject } from '../data/authored-project-schema';
import { analyzeProjects } from '../data/analyze-projects';
import { parseCorridors } from '../data/parse-corridors';
import { formatDataIssue, validateProjectsFile, zodIssues } from '../data/parse-projects';
import { parseRegion } from '../data/parse-region';
import { parseSources } from '../data/parse-sources';
import { parseZones } from '../data/parse-zones';
import { bboxRegionCheck, polygonRegionCheck, type RegionCheck } from '../data/project-region-check';
import { buildExportRows } from '../domain/export-rows';
import { CSV_LIST_SEPARATOR, projectsToCsv } from '../domain/export-csv';
import { projectsToGeoJson, type ExportFeatureCollection } from '../domain/export-geojson';
import { buildDataPackage } from './datapackage';
import { latestMilestoneDate } from '../domain/status-on-date';
import type { DataIssue, Milestone, Project } from '../domain/types';
import { parseCheckArgs } from './check-args';

export const AUTHORED_DIR = 'projects';
export const OUTPUTS = ['projects.json', 'atlas.geojson', 'atlas.csv', 'project.schema.json', 'datapackage.json'] as const;
export type OutputName = (typeof OUTPUTS)[number];

/** One authored file → the compiled project (field order fixed: the output is byte-stable). */
export function compileProject(a: AuthoredProject): Project {
  const observations: Milestone[] = a.observations.map((o) => ({ ...o }));
  const plans: Milestone[] = a.plans.map((p) => {
    const { date, date_precision, ...rest } = p;
    return { date, ...(date_precision ? { date_precision } : {}), evidence: 'plan' as const, ...rest };
  });
  // Stable sort: observations first on a shared date, then plan items, each in authored order.
  const milestones = [...observations, ...plans].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const p: Project = {
    id: a.id,
    name_zh: a.name_zh,
    name_en: a.name_en,
    aliases: a.aliases,
    category: a.category,
    cities: a.cities,
    counties: a.counties,
    facts: a.facts,
    targets: a.targets,
    milestones,
    geometry: a.geometry as Project['geometry'],
    geometry_accuracy: a.geometry_accuracy,
  };
  if (a.geometry_note !== undefined) p.geometry_note = a.geometry_note;
  if (a.geometry_licence !== undefined) p.geometry_licence = a.geometry_licence;
  if (a.stations !== undefined) p.stations = a.stations as Project['stations'];
  return p;
}

function readJson(path: string, issues: DataIssue[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    issues.push({ file: path, message: `cannot read JSON: ${(e as Error).message}` });
    return undefined;
  }
}

export interface CompileResult {
  files: Map<OutputName, string> | null;
  issues: DataIssue[];
  projects: Project[];
}

/** Reads and validates `DIR/projects/*.json` (+ sources, region, corridors, zones) and builds every output in memory. */
export function compileProjects(dataDir: string): CompileResult {
  const issues: DataIssue[] = [];
  const dir = join(dataDir, AUTHORED_DIR);
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')).sort() : [];
  if (names.length === 0) issues.push({ file: dir, message: 'no authored project files (data/projects/<id>.json)' });
  const projects: Project[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const json = readJson(file, issues);
    if (json === undefined) continue;
    const idGuess = typeof json === 'object' && json !== null && typeof (json as { id?: unknown }).id === 'string' ? (json as { id: string }).id : name.replace(/\.json$/, '');
    const r = authoredProjectSchema.safeParse(json);
    if (!r.success) {
      issues.push(...zodIssues(file, idGuess, r.error));
      continue;
    }
    if (`${r.data.id}.json` !== name) issues.push({ file, id: r.data.id, field: 'id', message: `must match the file name (${name})` });
    if (r.data.observations.length + r.data.plans.length + r.data.facts.length === 0) {
      issues.push({ file, id: r.data.id, message: 'needs at least one observation, plan item or fact' });
    }
    projects.push(compileProject(r.data));
  }
  projects.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const projectsText = JSON.stringify({ version: 1, projects }, null, 2) + '\n';

  // The compiled file must pass the app's own validator (sources resolve, positions in the region, …).
  const sourcesPath = join(dataDir, 'sources.json');
  const sources = parseSources(readJson(sourcesPath, issues), sourcesPath);
  if (!sources.ok) issues.push(sources.error);
  else issues.push(...sources.warnings);
  let region: RegionCheck = bboxRegionCheck();
  const regionPath = join(dataDir, 'region.topo.json');
  if (existsSync(regionPath)) {
    const r = parseRegion(readJson(regionPath, issues));
    if (r.ok) region = polygonRegionCheck(r.value.cities as FeatureCollection<Polygon | MultiPolygon>);
    else issues.push({ ...r.error, file: regionPath });
  }
  const sourceMap = sources.ok ? sources.value : new Map();
  const compiledPath = join(dataDir, 'projects.json');
  const valid = validateProjectsFile(JSON.parse(projectsText), sourceMap, region, compiledPath);
  if (!valid.ok) issues.push(valid.error);
  else issues.push(...valid.warnings.map((w) => ({ ...w, file: w.id ? join(dir, `${w.id}.json`) : w.file })));

  const corridorsPath = join(dataDir, 'corridors.geojson');
  const corridors = parseCorridors(readJson(corridorsPath, issues), corridorsPath, sources.ok ? sources.value : undefined);
  if (!corridors.ok) issues.push(corridors.error);
  const zonesPath = join(dataDir, 'zones.json');
  const polygonsPath = join(dataDir, 'zones.geojson');
  const zones = parseZones(readJson(zonesPath, issues), existsSync(polygonsPath) ? readJson(polygonsPath, issues) : null, { zones: zonesPath, polygons: polygonsPath }, sources.ok ? sources.value : undefined);
  if (!zones.ok) issues.push(zones.error);

  if (issues.length > 0 || !sources.ok || !corridors.ok || !zones.ok) return { files: null, issues, projects };

  const asOfDate = latestMilestoneDate(projects) ?? '1970-01-01';
  const analysis = analyzeProjects(projects, corridors.value, zones.value);
  const rows = buildExportRows(projects, { analysis, sources: sources.value, asOfDate, corridorId: null, zones: zones.value });
  const files = new Map<OutputName, string>([
    ['projects.json', projectsText],
    ['atlas.geojson', JSON.stringify(flatGeoJson(projectsToGeoJson(projects, rows))) + '\n'],
    ['atlas.csv', projectsToCsv(rows)],
    ['project.schema.json', JSON.stringify(authoredProjectJsonSchema(), null, 2) + '\n'],
    ['datapackage.json', JSON.stringify(buildDataPackage({ asOfDate, projectCount: projects.length, sources: [...sources.value.values()] }), null, 2) + '\n'],
  ]);
  return { files, issues, projects };
}

/**
 * The full-dataset GeoJSON with FLAT properties (lists joined with "; " as in the CSV), so GIS
 * tools (QGIS, kepler.gl) read every property as a plain column.
 */
export function flatGeoJson(fc: ExportFeatureCollection): Omit<ExportFeatureCollection, 'features'> & { features: Feature<Geometry | null, Record<string, string | number | boolean | null>>[] } {
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      properties: Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [k, Array.isArray(v) ? v.join(CSV_LIST_SEPARATOR) : (v as string | number | boolean | null)])),
    })),
  };
}

/** Runs the command; returns what to print and the exit code (testable without a process). */
export function runCompileProjects(argv: readonly string[]): { code: number; stdout: string; stderr: string } {
  const args = parseCheckArgs(argv, 'data:projects');
  if (!args.ok) return { code: 2, stdout: '', stderr: args.message };
  const { check, dataDir } = args;
  const r = compileProjects(dataDir);
  if (!r.files) {
    return { code: 1, stdout: '', stderr: `${r.issues.map((i) => formatDataIssue(i)).join('\n')}\ndata:projects FAILED: ${r.issues.length} problem(s); nothing written\n` };
  }
  if (check) {
    const differ = [...r.files].filter(([name, text]) => {
      const path = join(dataDir, name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== text;
    });
    if (differ.length === 0) return { code: 0, stdout: `data:projects --check OK: ${OUTPUTS.map((n) => join(dataDir, n)).join(', ')} match the authored files\n`, stderr: '' };
    return {
      code: 1,
      stdout: '',
      stderr: `data:projects --check FAILED: ${differ.map(([n]) => join(dataDir, n)).join(', ')} differ from a fresh compile of ${join(dataDir, AUTHORED_DIR)}/; run npm run data:projects and commit the result\n`,
    };
  }
  for (const [name, text] of r.files) {
    const path = join(dataDir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return { code: 0, stdout: `data:projects: ${r.projects.length} projects compiled → ${OUTPUTS.map((n) => join(dataDir, n)).join(', ')}\n`, stderr: '' };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = runCompileProjects(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
