/**
 * Validates raw `data/projects.json` into typed projects.
 *
 * - A file that is not `{ version: 1, projects: [...] }` is an error (nothing usable).
 * - A project with any problem is dropped and each problem becomes a warning naming the file,
 *   the project id and the field (`data/projects.json: ziyang-line: milestones[3].progress: must be ≤ 100`);
 *   the valid rest is kept. All problems are listed, not just the first.
 *
 * Rules: every field and enum (zod, project-schema.ts), real ISO dates, 0–100 ranges, milestones
 * sorted, geometry valid, geometry_accuracy set iff geometry, ids unique, every source id resolves,
 * every position inside the four cities (WGS-84 sanity, see project-region-check.ts), and a
 * surveyed line within 5 % of its official `length_km` fact.
 */
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import type { z } from 'zod/mini';
import type { DataIssue, Project } from '../domain/types';
import { projectSchema, projectsFileSchema } from './project-schema';
import { bboxRegionCheck, type RegionCheck } from './project-region-check';
import { LIMITS, projectSizeIssues, reportableId, tooManyItems } from './limits';
import { geometryIsValid } from './geometry-check';

export const PROJECTS_FILE = 'data/projects.json';

/** Largest allowed difference between a surveyed line's length and its official length. */
export const SURVEYED_LENGTH_TOLERANCE_PCT = 5;

export type ProjectsResult = { ok: true; value: Project[]; warnings: DataIssue[] } | { ok: false; error: DataIssue };

/** Anything with `has(id)`: a Set of ids or a Map id → Source. */
export interface SourceIds {
  has(id: string): boolean;
}

/** `['milestones', 3, 'progress']` → `milestones[3].progress`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? String(k) : `.${String(k)}`;
  return out;
}

/** One line per issue: `file: id: field: message` (parts that are absent are left out). */
export function formatDataIssue(issue: DataIssue): string {
  return [issue.file, issue.id, issue.field, issue.message].filter((s) => s !== undefined && s !== '').join(': ');
}

/** zod issues → DataIssues; an unknown key is reported at its own field. */
export function zodIssues(file: string, id: string, error: z.core.$ZodError): DataIssue[] {
  return error.issues.flatMap((i): DataIssue[] =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ file, id, field: fieldPath([...i.path, k]), message: 'unknown field (not in the data model)' }))
      : [{ file, id, field: fieldPath(i.path) || undefined, message: i.message }],
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every numeric position inside a GeoJSON coordinates array, with its path. */
/** Deepest nesting of positions in GeoJSON (MultiPolygon: polygons → rings → positions). */
const MAX_POSITION_DEPTH = 3;

function positions(coords: unknown, path: (string | number)[], out: { pos: Position; path: (string | number)[] }[], depth = 0): void {
  if (!Array.isArray(coords)) return;
  if (coords.length >= 2 && coords.every((v) => typeof v === 'number')) {
    if ((coords as number[]).every(Number.isFinite)) out.push({ pos: coords as Position, path });
    return;
  }
  // Deeper nesting is malformed (the schema reports it); stopping here keeps a hostile file
  // nested thousands of levels deep from overflowing the stack.
  if (depth >= MAX_POSITION_DEPTH) return;
  coords.forEach((c, i) => positions(c, [...path, i], out, depth + 1));
}

/**
 * Calls `visit` for every finite numeric position of GeoJSON coordinates, with its indices (a
 * shared array: copy it to keep it). Iterative, bounded depth, no allocation per position.
 */
function forEachPosition(coords: unknown, visit: (pos: Position, indices: readonly number[]) => void): void {
  const indices: number[] = [];
  const walk = (c: unknown, depth: number): void => {
    if (!Array.isArray(c)) return;
    if (c.length >= 2 && typeof c[0] === 'number') {
      for (let i = 0; i < c.length; i++) if (typeof c[i] !== 'number' || !Number.isFinite(c[i])) return;
      visit(c as Position, indices);
      return;
    }
    if (depth >= MAX_POSITION_DEPTH) return;
    for (let i = 0; i < c.length; i++) {
      indices.push(i);
      walk(c[i], depth + 1);
      indices.pop();
    }
  };
  walk(coords, 0);
}

/** A surveyed station must lie on its surveyed line: a GCJ-02 copy sits 300–600 m off it. */
export const STATION_MAX_OFF_LINE_M = 150;

/** Metres from a station to the nearest part of its line; null when the line has no usable segment. */
function stationOffLineM(station: Position, coordinates: unknown): number | null {
  const found: { pos: Position; path: (string | number)[] }[] = [];
  const lines: Position[][] = [];
  if (Array.isArray(coordinates) && Array.isArray(coordinates[0]) && Array.isArray((coordinates[0] as unknown[])[0])) {
    for (const part of coordinates as unknown[]) {
      const pts: typeof found = [];
      positions(part, [], pts, 1);
      lines.push(pts.map((p) => p.pos));
    }
  } else {
    positions(coordinates, [], found, 1);
    lines.push(found.map((p) => p.pos));
  }
  let best: number | null = null;
  for (const line of lines) {
    if (line.length < 2) continue;
    const m = turf.pointToLineDistance(turf.point(station), turf.lineString(line), { units: 'meters' });
    if (best === null || m < best) best = m;
  }
  return best;
}

/** Cross-field and cross-file rules, on the raw object so they run even when a field is malformed. */
function crossChecks(raw: Record<string, unknown>, file: string, id: string, sources: SourceIds, region: RegionCheck): DataIssue[] {
  const issues: DataIssue[] = [];
  const add = (field: string, message: string): void => {
    issues.push({ file, id, field, message });
  };

  const milestones = Array.isArray(raw.milestones) ? raw.milestones : [];
  if (Array.isArray(raw.milestones) && milestones.length === 0 && Array.isArray(raw.facts) && raw.facts.length === 0) {
    add('milestones', 'must have at least one milestone or key fact');
  }
  milestones.forEach((m, i) => {
    const prev: unknown = milestones[i - 1];
    if (isRecord(m) && isRecord(prev) && typeof m.date === 'string' && typeof prev.date === 'string' && m.date < prev.date) {
      add(`milestones[${i}].date`, `milestones must be sorted by date (${m.date} comes after ${prev.date})`);
    }
  });

  for (const list of ['milestones', 'facts', 'targets'] as const) {
    const items = Array.isArray(raw[list]) ? (raw[list] as unknown[]) : [];
    items.forEach((item, i) => {
      if (isRecord(item) && typeof item.source === 'string' && !sources.has(item.source)) {
        add(`${list}[${i}].source`, `unknown source id "${item.source}" (not among the valid sources)`);
      }
    });
  }

  const hasGeometry = raw.geometry !== null && raw.geometry !== undefined;
  const hasAccuracy = raw.geometry_accuracy !== null && raw.geometry_accuracy !== undefined;
  if (hasGeometry && !hasAccuracy) add('geometry_accuracy', 'must be set when there is a geometry');
  if (!hasGeometry && hasAccuracy) add('geometry_accuracy', 'must be null when geometry is null');

  // Inside the region: report the first stray position and how many more there are
  // (one pass, no allocation per position: the path is built for the first stray only).
  if (isRecord(raw.geometry)) {
    let first: { path: (string | number)[]; where: string } | null = null;
    let strays = 0;
    forEachPosition(raw.geometry.coordinates, (pos, indices) => {
      const where = region.locate(pos);
      if (where === null) return;
      strays++;
      if (first === null) first = { path: ['geometry', 'coordinates', ...indices], where };
    });
    const f = first as { path: (string | number)[]; where: string } | null;
    if (f) add(fieldPath(f.path), `${f.where}${strays > 1 ? ` (and ${strays - 1} more positions)` : ''}`);
  }
  const stations = Array.isArray(raw.stations) ? raw.stations : [];
  stations.forEach((s, i) => {
    if (isRecord(s) && Array.isArray(s.coord) && s.coord.length === 2 && s.coord.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const where = region.locate(s.coord as Position);
      if (where) add(`stations[${i}].coord`, where);
      else if (s.accuracy === 'surveyed' && isRecord(raw.geometry) && (raw.geometry.type === 'LineString' || raw.geometry.type === 'MultiLineString')) {
        const offM = stationOffLineM(s.coord as Position, raw.geometry.coordinates);
        if (offM !== null && offM > STATION_MAX_OFF_LINE_M) {
          add(`stations[${i}].coord`, `${Math.round(offM)} m off its line (a surveyed station lies within ${STATION_MAX_OFF_LINE_M} m; a GCJ-02 copy is 300–600 m off)`);
        }
      }
    }
  });

  // A surveyed line must match its official length.
  if (raw.geometry_accuracy === 'surveyed' && isRecord(raw.geometry) && raw.geometry.type === 'LineString' && Array.isArray(raw.facts)) {
    const official = raw.facts.find((f): f is Record<string, unknown> => isRecord(f) && f.key === 'length_km');
    const coords: { pos: Position; path: (string | number)[] }[] = [];
    positions(raw.geometry.coordinates, [], coords);
    if (official && typeof official.value === 'number' && official.value > 0 && coords.length >= 2) {
      const km = turf.length(turf.lineString(coords.map((c) => c.pos)), { units: 'kilometers' });
      const offPct = (Math.abs(km - official.value) / official.value) * 100;
      if (offPct > SURVEYED_LENGTH_TOLERANCE_PCT) {
        add('geometry', `surveyed line is ${km.toFixed(2)} km, ${offPct.toFixed(1)} % off the official length_km ${official.value} (must be within ${SURVEYED_LENGTH_TOLERANCE_PCT} %)`);
      }
    }
  }
  return issues;
}

/** What the per-project step shares across a file (see {@link projectsValidator}). */
interface FileRun {
  warnings: DataIssue[];
  value: Project[];
  seen: Set<string>;
  positionsInAll: number;
}

/**
 * The validator of one file as steps: `start` checks the top level, then `step(i)` validates
 * project i (in order), `result()` gives the outcome. The sync validator runs all steps at once;
 * the loader runs them in time slices ({@link validateProjectsFileSliced}) so a big file never
 * makes one long task.
 */
function projectsValidator(json: unknown, sources: SourceIds, region: RegionCheck, file: string) {
  const top = projectsFileSchema.safeParse(json);
  if (!top.success) {
    const error: DataIssue = { file, message: `not a projects file ({ "version": 1, "projects": [...] }): ${top.error.issues.map((i) => (i.path.length ? `${fieldPath(i.path)}: ` : '') + i.message).join('; ')}` };
    return { error, count: 0, step: () => undefined, result: (): ProjectsResult => ({ ok: false, error }) };
  }
  const run: FileRun = { warnings: [], value: [], seen: new Set<string>(), positionsInAll: 0 };
  let all = top.data.projects;
  if (all.length > LIMITS.projects) {
    run.warnings.push(tooManyItems(file, 'projects', all.length, LIMITS.projects));
    all = all.slice(0, LIMITS.projects);
  }
  const step = (index: number): void => {
    const raw = all[index];
    // A hostile id (10 MB) is not repeated in every message: the index names it instead.
    const id = isRecord(raw) ? reportableId(raw.id, `projects[${index}]`) : `projects[${index}]`;
    if (!isRecord(raw)) {
      run.warnings.push({ file, id, message: 'must be an object' });
      return;
    }
    // Sizes first, by counting: an item over a limit is dropped before any costlier check.
    const size = projectSizeIssues(raw, file, id);
    if (size.issues.length === 0 && run.positionsInAll + size.positions > LIMITS.verticesTotal) {
      size.issues.push({ file, id, field: 'geometry.coordinates', message: `the projects' geometries together would have more than ${LIMITS.verticesTotal.toLocaleString('en')} positions (the limit for the file; see data/README.md "Size limits"): this project and any later ones that exceed it are left out` });
    }
    if (size.issues.length > 0) {
      run.warnings.push(...size.issues);
      run.seen.add(id);
      return;
    }
    run.positionsInAll += size.positions;
    const issues: DataIssue[] = [];
    // A geometry the fast linear check accepts skips zod's per-position schema (about 50 times
    // slower); any doubt and zod checks it, so every message stays zod's.
    const fast = isRecord(raw.geometry) && geometryIsValid(raw.geometry);
    const parsed = projectSchema.safeParse(fast ? { ...raw, geometry: null } : raw);
    if (!parsed.success) issues.push(...zodIssues(file, id, parsed.error));
    issues.push(...crossChecks(raw, file, id, sources, region));
    if (run.seen.has(id)) issues.push({ file, id, field: 'id', message: `duplicate id (projects[${index}]); ids must be unique` });
    run.seen.add(id);
    if (issues.length > 0 || !parsed.success) {
      run.warnings.push(...issues);
      return;
    }
    run.value.push((fast ? { ...parsed.data, geometry: raw.geometry } : parsed.data) as Project);
  };
  return { error: null, count: all.length, step, result: (): ProjectsResult => ({ ok: true, value: run.value, warnings: run.warnings }) };
}

/**
 * Validate a parsed `projects.json`.
 *
 * @param json the parsed file
 * @param sources ids of the valid sources (a Set, or the Map id → Source)
 * @param region where positions must lie; defaults to the four cities' bounding box
 * @example validateProjectsFile(await (await fetch('data/projects.json')).json(), atlas.sources, polygonRegionCheck(cities))
 */
export function validateProjectsFile(json: unknown, sources: SourceIds, region: RegionCheck = bboxRegionCheck(), file = PROJECTS_FILE): ProjectsResult {
  const v = projectsValidator(json, sources, region, file);
  for (let i = 0; i < v.count; i++) v.step(i);
  return v.result();
}

/** Gives the main thread back (for input and paint) between slices of work. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Longest slice of validation or analysis work before the loader yields, in ms: 10 ms here is
 * 40–50 ms on a phone four to five times slower, still under the 50 ms of a long task, so a tap
 * or a frame never waits behind the loader.
 */
export const SLICE_MS = 10;

/**
 * The same validation as {@link validateProjectsFile}, in slices of about {@link SLICE_MS} ms:
 * the loader's way, so a file of thousands of projects is no single long task.
 */
export async function validateProjectsFileSliced(json: unknown, sources: SourceIds, region: RegionCheck = bboxRegionCheck(), file = PROJECTS_FILE): Promise<ProjectsResult> {
  const v = projectsValidator(json, sources, region, file);
  let sliceStart = performance.now();
  for (let i = 0; i < v.count; i++) {
    v.step(i);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
  return v.result();
}

/** Alias under the loader naming (`parseX(json) → result`). */
export const parseProjects = validateProjectsFile;
