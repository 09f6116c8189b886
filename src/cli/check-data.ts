/**
 * `npm run data:check [-- --projects F --sources F --region F]`: validates the data files and
 * lists ALL problems at once (`file: id: field: message`), exit code 1 when there is any.
 * Positions are checked against the city outlines of data/region.topo.json; when that file is
 * missing, against the four cities' bounding box (said in the output).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { DataIssue } from '../domain/types';
import { formatDataIssue, validateProjectsFile } from '../data/parse-projects';
import { parseSources } from '../data/parse-sources';
import { fileTooBig, maxFileBytes } from '../data/limits';
import { parseRegion } from '../data/parse-region';
import { bboxRegionCheck, polygonRegionCheck, type RegionCheck } from '../data/project-region-check';

export interface CheckDataOptions {
  projectsPath?: string;
  sourcesPath?: string;
  regionPath?: string;
}

export interface CheckDataReport {
  issues: DataIssue[];
  /** Human-readable lines: what was checked and how many projects/sources are valid. */
  summary: string[];
}

function readJson(path: string): { ok: true; json: unknown } | { ok: false; issue: DataIssue } {
  try {
    // Size first: a file over its limit is refused unread (see src/data/limits.ts).
    const bytes = statSync(path).size;
    if (bytes > maxFileBytes(path)) return { ok: false, issue: fileTooBig(path, bytes) };
    return { ok: true, json: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (e) {
    return { ok: false, issue: { file: path, message: `cannot read JSON: ${(e as Error).message}` } };
  }
}

/** Validate the files; never throws for bad data (every problem is an issue). */
export function checkDataFiles(opts: CheckDataOptions = {}): CheckDataReport {
  const projectsPath = opts.projectsPath ?? 'data/projects.json';
  const sourcesPath = opts.sourcesPath ?? 'data/sources.json';
  const regionPath = opts.regionPath ?? 'data/region.topo.json';
  const issues: DataIssue[] = [];
  const summary: string[] = [];

  let region: RegionCheck = bboxRegionCheck();
  if (existsSync(regionPath)) {
    const r = readJson(regionPath);
    const parsed = r.ok ? parseRegion(r.json) : null;
    if (!r.ok) issues.push(r.issue);
    else if (parsed && !parsed.ok) issues.push(parsed.error);
    else if (parsed?.ok) {
      region = polygonRegionCheck(parsed.value.cities as FeatureCollection<Polygon | MultiPolygon>);
    }
  }
  summary.push(region.kind === 'polygons' ? `region: city outlines of ${regionPath}` : `region: ${regionPath} not available — positions checked against the four cities' bounding box only`);

  const s = readJson(sourcesPath);
  let sourceIds = new Set<string>();
  if (!s.ok) issues.push(s.issue);
  else {
    const sources = parseSources(s.json, sourcesPath);
    if (!sources.ok) issues.push(sources.error);
    else {
      issues.push(...sources.warnings);
      sourceIds = new Set(sources.value.keys());
      summary.push(`${sourcesPath}: ${sources.value.size} valid sources`);
    }
  }

  const p = readJson(projectsPath);
  if (!p.ok) issues.push(p.issue);
  else {
    const projects = validateProjectsFile(p.json, sourceIds, region, projectsPath);
    if (!projects.ok) issues.push(projects.error);
    else {
      issues.push(...projects.warnings);
      summary.push(`${projectsPath}: ${projects.value.length} valid projects`);
    }
  }
  return { issues, summary };
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function main(argv: string[]): number {
  const report = checkDataFiles({
    projectsPath: argValue(argv, '--projects'),
    sourcesPath: argValue(argv, '--sources'),
    regionPath: argValue(argv, '--region'),
  });
  for (const line of report.summary) console.log(line);
  if (report.issues.length === 0) {
    console.log('data:check OK');
    return 0;
  }
  for (const issue of report.issues) console.error(formatDataIssue(issue));
  console.error(`data:check FAILED: ${report.issues.length} problem(s)`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
