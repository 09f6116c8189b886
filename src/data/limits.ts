/**
 * Size limits of the data files (issue 15 §1). Real data is tiny (see data/README.md "Size
 * limits", where each limit stands beside the real maximum); the limits are wide margins above
 * it that still keep a hostile or broken file from freezing the page: a 1,000,000-point line, a
 * 10 MB name or a million projects is rejected by counting, BEFORE any costlier check runs on it.
 *
 * Every check here is linear in the size of what it looks at, and stops counting as soon as a
 * limit is passed (a 1,000,000-point line costs the count up to the limit, not more).
 *
 * A project or source over a limit is dropped with a warning naming the file, the id and the
 * field (like any other invalid item); a file with too many items keeps the first ones; a file
 * over its size limit is not parsed at all (an error naming the file).
 */
import type { DataIssue } from '../domain/types';

/** Largest data file the app or `npm run data:check` reads, in bytes (UTF-8 as served). */
export const MAX_FILE_BYTES: Readonly<Record<string, number>> = Object.freeze({
  'data/projects.json': 32 * 1024 * 1024,
  'data/sources.json': 8 * 1024 * 1024,
});
/** Any other data file (corridors, zones, region, water). */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** The byte limit of a data file (by its path's tail, so `tests/…/x.projects.json` also counts). */
export function maxFileBytes(file: string): number {
  for (const [name, bytes] of Object.entries(MAX_FILE_BYTES)) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (file === name || file.endsWith(`/${base}`) || file.endsWith(`.${base}`)) return bytes;
  }
  return DEFAULT_MAX_FILE_BYTES;
}

/** Counts of items. */
export const LIMITS = Object.freeze({
  /** Projects in data/projects.json (the benchmark runs 10,000). */
  projects: 20_000,
  /** Sources in data/sources.json. */
  sources: 10_000,
  /** Corridors in data/corridors.geojson; zones in data/zones.json. */
  corridors: 200,
  zones: 500,
  /** Positions of one project's geometry (all parts) or one corridor's line. */
  verticesPerProject: 2_000,
  /** Positions of all projects' geometries together. */
  verticesTotal: 50_000,
  /** Parts (lines, polygons, rings) of one Multi*-geometry or polygon. */
  geometryParts: 1_000,
  milestones: 500,
  facts: 200,
  targets: 200,
  stations: 500,
  aliases: 50,
  components: 50,
  /** `cities` (4 exist) and `counties` (35 exist) of a project. */
  cities: 10,
  counties: 100,
});

/** Longest strings, in UTF-16 code units (a CJK character is one). */
export const TEXT_LIMITS = Object.freeze({
  /** Ids, names, aliases, labels, publishers, units, sections, keys, dates, enums. */
  short: 300,
  /** Notes, quotes, titles, text fact values, geometry notes and licences. */
  long: 5_000,
  /** URLs. */
  url: 2_048,
});

/** Fields whose strings may be long; every other string field is `short`. */
const LONG_TEXT_FIELDS: ReadonlySet<string> = new Set([
  'note', 'note_zh', 'note_en', 'quote', 'quote_clean', 'title', 'value', 'geometry_note', 'geometry_licence',
]);
const URL_FIELDS: ReadonlySet<string> = new Set(['url', 'href', 'link']);

function textLimit(key: string): number {
  if (URL_FIELDS.has(key)) return TEXT_LIMITS.url;
  return LONG_TEXT_FIELDS.has(key) ? TEXT_LIMITS.long : TEXT_LIMITS.short;
}

/** Array fields with a count limit (geometry is counted apart, by positions). */
const ARRAY_LIMITS: Readonly<Record<string, number>> = Object.freeze({
  milestones: LIMITS.milestones,
  facts: LIMITS.facts,
  targets: LIMITS.targets,
  stations: LIMITS.stations,
  aliases: LIMITS.aliases,
  components: LIMITS.components,
  cities: LIMITS.cities,
  counties: LIMITS.counties,
});
/** Any other array in an item (a station's coord, an unknown field): at most this many entries. */
const DEFAULT_ARRAY_LIMIT = 100;

/** Deeper nesting than any valid project or source (project → milestones → [i] → components → [j] → field). */
const MAX_DEPTH = 6;

const fmt = (n: number) => n.toLocaleString('en');

/** An id fit to name in a message: the item's own id when it is a short string, else `fallback`. */
export function reportableId(id: unknown, fallback: string): string {
  return typeof id === 'string' && id !== '' && id.length <= TEXT_LIMITS.short ? id : fallback;
}

/**
 * Count the positions of GeoJSON coordinates, stopping once `limit` is passed. Also counts
 * the parts at each level (a MultiLineString of 10,000,000 empty lines is over the limit too).
 * Iterative (no recursion), linear in what it visits, and it visits at most about `limit` items.
 * @returns the count (a value > limit means "over the limit"; counting stopped there)
 */
export function countPositions(coords: unknown, limit: number = LIMITS.verticesPerProject, partLimit: number = LIMITS.geometryParts): { positions: number; partsOver: boolean } {
  let positions = 0;
  let visited = 0;
  const stack: unknown[] = [coords];
  while (stack.length > 0) {
    const c = stack.pop();
    if (!Array.isArray(c)) continue;
    if (typeof c[0] === 'number' || c.length === 0) {
      if (c.length > 0) positions += 1;
      if (positions > limit) return { positions, partsOver: false };
      continue;
    }
    // An array of arrays: a list of positions (check its length against the vertex limit) or
    // of parts (against the part limit).
    const listOfPositions = Array.isArray(c[0]) && typeof (c[0] as unknown[])[0] === 'number';
    if (listOfPositions) {
      if (positions + c.length > limit) return { positions: positions + c.length, partsOver: false };
    } else if (c.length > partLimit) {
      return { positions, partsOver: true };
    }
    visited += c.length;
    if (visited > limit + partLimit * 4) return { positions: limit + 1, partsOver: false };
    for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]);
  }
  return { positions, partsOver: false };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Strings too long and arrays too long in one raw item (a project or a source), skipping
 * `skip` fields (geometry, counted by positions). Linear in the item's size, bounded depth;
 * it does not descend into an array that is over its limit.
 */
export function itemSizeIssues(raw: Record<string, unknown>, file: string, id: string, skip: ReadonlySet<string> = new Set()): DataIssue[] {
  const issues: DataIssue[] = [];
  const visit = (value: unknown, key: string, path: string, depth: number): void => {
    if (issues.length >= 20) return; // enough to say what is wrong
    if (typeof value === 'string') {
      const limit = textLimit(key);
      if (value.length > limit) issues.push({ file, id, field: path, message: `text of ${fmt(value.length)} characters is longer than the limit of ${fmt(limit)} (see data/README.md "Size limits")` });
      return;
    }
    if (depth >= MAX_DEPTH) {
      if (Array.isArray(value) || isRecord(value)) issues.push({ file, id, field: path, message: `nested deeper than any valid field (${MAX_DEPTH} levels)` });
      return;
    }
    if (Array.isArray(value)) {
      const limit = ARRAY_LIMITS[key] ?? DEFAULT_ARRAY_LIMIT;
      if (value.length > limit) {
        issues.push({ file, id, field: path, message: `${fmt(value.length)} entries, more than the limit of ${fmt(limit)} (see data/README.md "Size limits")` });
        return;
      }
      value.forEach((v, i) => visit(v, key, `${path}[${i}]`, depth + 1));
      return;
    }
    if (isRecord(value)) {
      const keys = Object.keys(value);
      if (keys.length > DEFAULT_ARRAY_LIMIT) {
        issues.push({ file, id, field: path || undefined, message: `${fmt(keys.length)} fields, more than any valid item has` });
        return;
      }
      for (const k of keys) {
        if (depth === 0 && skip.has(k)) continue;
        // A key itself can be huge (an unknown field named with 10 MB): name it by its length.
        const name = k.length > TEXT_LIMITS.short ? `<field name of ${fmt(k.length)} characters>` : k;
        if (k.length > TEXT_LIMITS.short) {
          issues.push({ file, id, field: path ? `${path}.${name}` : name, message: 'field name longer than any valid field' });
          continue;
        }
        visit(value[k], k, path ? `${path}.${k}` : k, depth + 1);
      }
    }
  };
  visit(raw, '', '', 0);
  return issues.map((i) => (i.field === '' ? { ...i, field: undefined } : i));
}

/** Size issues of one raw project: its strings and lists, and its geometry's positions. */
export function projectSizeIssues(raw: Record<string, unknown>, file: string, id: string): { issues: DataIssue[]; positions: number } {
  const issues = itemSizeIssues(raw, file, id, new Set(['geometry']));
  let positions = 0;
  const g = raw.geometry;
  if (isRecord(g)) {
    const counted = countPositions(g.coordinates);
    positions = counted.positions;
    if (counted.partsOver) {
      issues.push({ file, id, field: 'geometry.coordinates', message: `more than ${fmt(LIMITS.geometryParts)} parts (the limit; see data/README.md "Size limits")` });
    } else if (counted.positions > LIMITS.verticesPerProject) {
      issues.push({ file, id, field: 'geometry.coordinates', message: `more than ${fmt(LIMITS.verticesPerProject)} positions (the limit per project; simplify the line or polygon, see data/README.md "Size limits")` });
    }
    for (const k of Object.keys(g)) {
      if (k !== 'coordinates' && typeof g[k] === 'string' && (g[k] as string).length > TEXT_LIMITS.short) {
        issues.push({ file, id, field: `geometry.${k.length > TEXT_LIMITS.short ? '…' : k}`, message: `text of ${fmt((g[k] as string).length)} characters is longer than the limit of ${fmt(TEXT_LIMITS.short)}` });
      }
    }
  }
  return { issues, positions };
}

/** The issue for a list with more items than `limit`: the first `limit` are kept. */
export function tooManyItems(file: string, field: string, count: number, limit: number): DataIssue {
  return {
    file,
    field,
    message: `${fmt(count)} items, more than the limit of ${fmt(limit)}: only the first ${fmt(limit)} are checked and loaded (see data/README.md "Size limits")`,
    severity: 'error',
  };
}

/** The issue for a file over its byte limit (it is not parsed). */
export function fileTooBig(file: string, bytes: number | null, limit = maxFileBytes(file)): DataIssue {
  const size = bytes === null ? 'more than' : `${fmt(bytes)} bytes, more than`;
  return { file, message: `is too big to load (${size} the limit of ${fmt(limit)} bytes; see data/README.md "Size limits")`, severity: 'error' };
}
