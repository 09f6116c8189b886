/**
 * Issue 7 §3: hostile data files through the validator and `npm run data:check`. Each case
 * mutates a small valid file (tests/fixtures/hostile/base.*.json) the way a hand edit goes wrong
 * and expects a message that names the file, the project id and the field; nothing may crash.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { checkDataFiles } from '../../../src/cli/check-data';
import { formatDataIssue, validateProjectsFile } from '../../../src/data/parse-projects';
import { bboxRegionCheck, polygonRegionCheck } from '../../../src/data/project-region-check';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

const DIR = 'tests/fixtures/hostile';
const SOURCES = `${DIR}/base.sources.json`;
const NO_REGION = `${DIR}/no-region-file.json`;
type Json = Record<string, unknown>;

function base(): { version: number; projects: Json[] } {
  return JSON.parse(readFileSync(`${DIR}/base.projects.json`, 'utf8')) as { version: number; projects: Json[] };
}

const tmp = mkdtempSync(join(tmpdir(), 'cdmz-hostile-'));

/** Writes `text` as a projects file and runs the checker on it; returns the printed lines. */
function check(name: string, text: string, regionPath = NO_REGION): { file: string; lines: string[] } {
  const file = join(tmp, `${name}.projects.json`);
  writeFileSync(file, text);
  const report = checkDataFiles({ projectsPath: file, sourcesPath: SOURCES, regionPath });
  return { file, lines: report.issues.map(formatDataIssue) };
}

/** A mutated copy of the base file: `edit(line, point)` changes the two projects in place. */
function mutated(edit: (line: Json, point: Json) => void): string {
  const f = base();
  edit(f.projects[0] as Json, f.projects[1] as Json);
  return JSON.stringify(f);
}

const milestone0 = (p: Json) => (p.milestones as Json[])[0] as Json;

describe('wrong types', () => {
  const cases: [string, (line: Json, point: Json) => void, RegExp][] = [
    ['progress as text', (l) => (milestone0(l).progress = '50%'), /: fx-line: milestones\[0\]\.progress: /],
    ['cities as a string', (_l, p) => (p.cities = 'chengdu'), /: fx-point: cities: /],
    ['milestones as an object', (_l, p) => (p.milestones = { 0: milestone0(p) }), /: fx-point: milestones: /],
    ['geometry as WKT text', (_l, p) => (p.geometry = 'POINT(104.44 30.31)'), /: fx-point: geometry: /],
    ['a fact value as an object', (l) => (l.facts = [{ key: 'length_km', label_zh: '长', label_en: 'Length', value: { km: 5 }, source: 'seed-a' }]), /: fx-line: facts\[0\]\.value: /],
    ['an id as a number', (_l, p) => (p.id = 42), /: projects\[1\]: id: /],
    ['name with an HTML payload stays data, a status as a boolean is an error', (_l, p) => { p.name_en = '<img src=x onerror=alert(1)>'; milestone0(p).status = true; }, /: fx-point: milestones\[0\]\.status: /],
  ];
  for (const [name, edit, expected] of cases) {
    it(`${name}: data:check names the file, id and field`, () => {
      const { file, lines } = check(name.replace(/\W+/g, '-'), mutated(edit));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => l.startsWith(`${file}: `))).toBe(true);
      expect(lines.some((l) => expected.test(l)), lines.join('\n')).toBe(true);
    });
  }
});

describe('missing fields', () => {
  for (const field of ['id', 'name_zh', 'category', 'milestones', 'geometry', 'geometry_accuracy', 'counties']) {
    it(`no "${field}" on a project: reported at that field`, () => {
      const { lines } = check(`missing-${field}`, mutated((_l, p) => delete p[field]));
      const id = field === 'id' ? 'projects\\[1\\]' : 'fx-point';
      expect(lines.some((l) => new RegExp(`: ${id}: ${field}: `).test(l)), lines.join('\n')).toBe(true);
    });
  }
  it('no "projects" array at all: one whole-file error', () => {
    const { file, lines } = check('no-projects', JSON.stringify({ version: 1 }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a projects file`));
  });
});

describe('broken geometry', () => {
  const cases: [string, Json, RegExp][] = [
    ['a point with one number', { type: 'Point', coordinates: [104.4] }, /geometry\.coordinates: a position needs \[lon, lat\]/],
    ['a line nested one level too deep', { type: 'LineString', coordinates: [[[104.4, 30.3], [104.5, 30.2]]] }, /geometry\.coordinates\[0\]/],
    ['a triangle ring of three positions', { type: 'Polygon', coordinates: [[[104.4, 30.3], [104.5, 30.2], [104.4, 30.3]]] }, /geometry\.coordinates\[0\]: a polygon ring needs at least 4 positions/],
    ['a null inside the coordinates', { type: 'LineString', coordinates: [[104.4, 30.3], null] }, /geometry\.coordinates\[1\]/],
    ['a GeometryCollection', { type: 'GeometryCollection', geometries: [] }, /geometry\.type: must be a GeoJSON/],
    ['no type at all', { coordinates: [104.4, 30.3] }, /geometry\.type/],
  ];
  for (const [name, geometry, expected] of cases) {
    it(`${name}: reported on fx-point's geometry`, () => {
      const { lines } = check(name.replace(/\W+/g, '-'), mutated((_l, p) => (p.geometry = geometry)));
      expect(lines.some((l) => l.includes(': fx-point: ') && expected.test(l)), lines.join('\n')).toBe(true);
    });
  }

  it('an overflowing number (1e999 parses to Infinity) is not a finite coordinate', () => {
    const text = mutated(() => undefined).replace('104.44258', '1e999');
    const { lines } = check('infinity', text);
    expect(lines.some((l) => /fx-point: geometry\.coordinates\[0\]: .*(finite|Infinity)/.test(l)), lines.join('\n')).toBe(true);
  });

  it('coordinates nested thousands of levels deep: an issue, not a stack overflow', () => {
    // Built as text: JSON.stringify itself overflows on such an object.
    const deep = `${'['.repeat(5000)}104.4,30.3${']'.repeat(5000)}`;
    const text = mutated((_l, p) => (p.geometry = { type: 'MultiPolygon', coordinates: 'DEEP' })).replace('"DEEP"', deep);
    let lines: string[] = [];
    expect(() => (lines = check('deep', text).lines)).not.toThrow();
    expect(lines.some((l) => l.includes(': fx-point: geometry')), lines.join('\n').slice(0, 500)).toBe(true);
  });
});

describe('positions outside the region', () => {
  const cases: [string, Json, RegExp][] = [
    ['Chongqing, next door', { type: 'Point', coordinates: [106.55, 29.56] }, /geometry\.coordinates: \[106\.55, 29\.56\] is outside/],
    ['null island [0, 0]', { type: 'Point', coordinates: [0, 0] }, /geometry\.coordinates: \[0, 0\] is outside/],
    ['latitude and longitude swapped', { type: 'Point', coordinates: [30.315366, 104.44258] }, /swapped/],
    ['a line whose last vertex is in Beijing', { type: 'LineString', coordinates: [[104.4, 30.3], [104.5, 30.2], [116.39, 39.9]] }, /geometry\.coordinates\[2\]: \[116\.39, 39\.9\] is outside/],
    ['Web-Mercator metres instead of degrees', { type: 'Point', coordinates: [11626000, 3544000] }, /is not a WGS-84 lon\/lat/],
  ];
  for (const [name, geometry, expected] of cases) {
    it(`${name}: named with the position`, () => {
      const { lines } = check(name.replace(/\W+/g, '-'), mutated((_l, p) => (p.geometry = geometry)));
      expect(lines.some((l) => l.includes(': fx-point: ') && expected.test(l)), lines.join('\n')).toBe(true);
    });
  }

  it('against the real city outlines: a point 3 km outside Ziyang is caught with its distance', () => {
    const region = JSON.parse(readFileSync('tests/fixtures/data/region-square.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const f = base();
    (f.projects[1] as Json).geometry = { type: 'Point', coordinates: [106.2, 30.3] };
    const result = validateProjectsFile(f, new Set(['seed-a', 'web-a']), polygonRegionCheck(region), 'p.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.map(formatDataIssue).join('\n')).toMatch(/p\.json: fx-point: geometry\.coordinates: \[106\.2, 30\.3\] lies [\d.]+ km outside the four cities/);
  });
});

describe('GCJ-02 positions', () => {
  /** Shifts WGS-84 positions into GCJ-02 (what a copy from Amap or Tencent Maps gives: ~300–500 m off). */
  const toGcj = (pos: number[]) => gcoord.transform(pos as [number, number], gcoord.WGS84, gcoord.GCJ02) as number[];

  it('a GCJ-02 copy of a point near the region edge that the shift pushes out is caught', () => {
    // [105.7, 31.62] is inside the four cities' box; its GCJ-02 copy is not, and data:check says so.
    const wgs = [105.797, 29.9];
    const gcj = toGcj(wgs);
    expect(bboxRegionCheck().locate(wgs)).toBeNull();
    const { lines } = check('gcj-edge', mutated((_l, p) => (p.geometry = { type: 'Point', coordinates: gcj })));
    expect(lines.some((l) => /fx-point: geometry\.coordinates: .* is outside/.test(l)), lines.join('\n')).toBe(true);
  });

  it('a surveyed station copied from a GCJ-02 map onto its WGS-84 line (~500 m off the line) is caught', () => {
    // A uniform shift of a whole project inside the region cannot be seen (project-region-check.ts
    // says so); a GCJ-02 station on a WGS-84 line can: a surveyed station belongs on its line.
    const f = base();
    const line = f.projects[0] as Json;
    const vertex = ((line.geometry as Json).coordinates as number[][])[1] as number[];
    line.geometry_accuracy = 'surveyed';
    line.facts = [];
    line.stations = [{ id: 'st-1', name_zh: '站', name_en: 'Station', coord: toGcj(vertex), opened: true, accuracy: 'surveyed' }];
    const result = validateProjectsFile(f, new Set(['seed-a', 'web-a']), bboxRegionCheck(), 'p.json');
    expect(result.ok).toBe(true);
    const lines = result.ok ? result.warnings.map(formatDataIssue) : [];
    expect(lines.some((l) => /^p\.json: fx-line: stations\[0\]\.coord: .*\d+ m (off|from) (its|the) line/.test(l)), lines.join('\n') || '(no issue reported)').toBe(true);
  });
});

describe('npm run data:check on hostile files (the command itself)', () => {
  it('exits 1 and prints file: id: field: message on stderr for a bad file; a broken JSON file is named', () => {
    const bad = join(tmp, 'cli-bad.projects.json');
    writeFileSync(bad, mutated((l, p) => { milestone0(l).progress = 250; p.geometry = { type: 'Point', coordinates: [116.39, 39.9] }; }));
    const broken = join(tmp, 'cli-broken.projects.json');
    writeFileSync(broken, '{"version": 1, "projects": [');
    for (const [file, expected] of [
      [bad, [`${bad}: fx-line: milestones[0].progress: must be ≤ 100`, `${bad}: fx-point: geometry.coordinates: [116.39, 39.9]`]],
      [broken, [`${broken}: cannot read JSON`]],
    ] as const) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check-data.ts', '--projects', file, '--sources', SOURCES, '--region', NO_REGION], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(1);
      for (const e of expected) expect(run.stderr).toContain(e);
      expect(run.stderr).toMatch(/data:check FAILED: \d+ problem/);
    }
  });
});
