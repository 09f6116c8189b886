import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { LineString } from 'geojson';
import { analyzeCsv, parseAnalyzeArgs, runAnalyze, type AnalyzeResult } from '../../../src/cli/analyze';
import { corridorApproach } from '../../../src/geo/corridor-approach';

const DATA = resolve(import.meta.dirname, '../../fixtures/geo/analyze-data');
const ROOT = resolve(import.meta.dirname, '../../..');

function run(...args: string[]) {
  return runAnalyze(['--data', DATA, ...args]);
}

function copyData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdmz-analyze-'));
  cpSync(DATA, dir, { recursive: true });
  return dir;
}

describe('npm run analyze: the JSON contract of DESIGN.md', () => {
  const r = run();
  const out = JSON.parse(r.stdout) as AnalyzeResult;

  it('exits 0 with exactly { corridors, zones, projects }', () => {
    expect(r.code).toBe(0);
    expect(Object.keys(out)).toEqual(['corridors', 'zones', 'projects']);
    expect(out.corridors).toEqual([
      { id: 'c-test', name_zh: '测试走廊', name_en: 'Test corridor' },
      { id: 'c-south', name_zh: '南线', name_en: 'South line' },
    ]);
    expect(out.zones).toEqual([{ id: 'z-test', name_zh: '甲乙交界地带', name_en: 'A–B junction zone' }]);
    for (const p of out.projects) expect(Object.keys(p)).toEqual(['id', 'distances_km', 'chainage_km', 'zones', 'status', 'progress', 'status_basis', 'last_observed', 'stale']);
  });

  it('distances and chainages are those of the geo functions (rounded to 1 m)', () => {
    const corridors = JSON.parse(readFileSync(join(DATA, 'corridors.geojson'), 'utf8')).features as Array<{ properties: { id: string }; geometry: LineString }>;
    const projects = JSON.parse(readFileSync(join(DATA, 'projects.json'), 'utf8')).projects as Array<{ id: string; geometry: never }>;
    for (const p of projects.filter((x) => x.geometry)) {
      const row = out.projects.find((x) => x.id === p.id);
      for (const c of corridors) {
        const a = corridorApproach(p.geometry, c.geometry);
        expect(row?.distances_km[c.properties.id]).toBeCloseTo(a?.distanceKm as number, 3);
        expect(row?.chainage_km[c.properties.id]).toBeCloseTo(a?.chainageKm as number, 3);
      }
    }
    const line = out.projects.find((x) => x.id === 'fixture-line');
    expect(line?.distances_km['c-test']).toBe(0); // it crosses the corridor
  });

  it('zones, status and progress on the latest date; no geometry ⇒ no distance keys, no zones', () => {
    expect(out.projects.find((x) => x.id === 'fixture-point')).toMatchObject({ zones: ['z-test'], status: 'complete', progress: 100 });
    expect(out.projects.find((x) => x.id === 'fixture-nowhere')).toEqual({
      id: 'fixture-nowhere',
      distances_km: {},
      chainage_km: {},
      zones: [],
      status: 'planned',
      progress: null,
      status_basis: 'report',
      last_observed: '2019-05-05',
      stale: true,
    });
    expect(r.stderr).toContain('as of 2022-06-01');
  });

  it('freshness: last observation on or before the date, stale after 12 months without one', () => {
    expect(out.projects.find((x) => x.id === 'fixture-point')).toMatchObject({ last_observed: '2022-06-01', stale: false });
    expect(out.projects.find((x) => x.id === 'fixture-line')).toMatchObject({ status: 'preparatory', last_observed: '2021-03-01', stale: true });
    const before = JSON.parse(run('--date', '2022-03-01').stdout) as AnalyzeResult;
    expect(before.projects.find((x) => x.id === 'fixture-line')).toMatchObject({ last_observed: '2021-03-01', stale: false });
    const after = JSON.parse(run('--date', '2022-03-02').stdout) as AnalyzeResult;
    expect(after.projects.find((x) => x.id === 'fixture-line')).toMatchObject({ last_observed: '2021-03-01', stale: true });
    const early = JSON.parse(run('--date', '2020-06-01').stdout) as AnalyzeResult;
    expect(early.projects.find((x) => x.id === 'fixture-line')).toMatchObject({ status: null, last_observed: null, stale: false });
    expect(early.projects.find((x) => x.id === 'fixture-point')).toMatchObject({ last_observed: '2020-01-01', stale: false });
  });

  it('--date gives the state on that date', () => {
    const d = JSON.parse(run('--date', '2021-01-01').stdout) as AnalyzeResult;
    expect(d.projects.find((x) => x.id === 'fixture-point')).toMatchObject({ status: 'under-construction', progress: 40 });
    expect(d.projects.find((x) => x.id === 'fixture-line')).toMatchObject({ status: null, progress: null });
    const e = JSON.parse(run('--date=2021-01-01').stdout) as AnalyzeResult;
    expect(e).toEqual(d);
  });
});

describe('--csv and --zones-geojson', () => {
  it('--csv prints one row per project with a distance and chainage column per corridor', () => {
    const r = run('--csv');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id,status,progress,status_basis,last_observed,stale,zones,distance_km:c-test,distance_km:c-south,chainage_km:c-test,chainage_km:c-south');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('fixture-nowhere,planned,,report,2019-05-05,true,,,,,');
    const json = JSON.parse(run().stdout) as AnalyzeResult;
    expect(r.stdout).toBe(analyzeCsv(json));
    const point = lines.find((l) => l.startsWith('fixture-point,'))?.split(',');
    expect(point?.slice(0, 7)).toEqual(['fixture-point', 'complete', '100', 'report', '2022-06-01', 'false', 'z-test']);
    expect(Number(point?.[7])).toBe(json.projects[0]?.distances_km['c-test']);
  });

  it('--zones-geojson FILE writes the computed zone polygons', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cdmz-zones-out-')), 'zones.geojson');
    const r = run('--zones-geojson', file);
    expect(r.code).toBe(0);
    JSON.parse(r.stdout);
    const fc = JSON.parse(readFileSync(file, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].properties).toMatchObject({ id: 'z-test', width_km: 2, sides: [['100001'], ['100002']] });
    expect(['Polygon', 'MultiPolygon']).toContain(fc.features[0].geometry.type);
  });
});

describe('errors', () => {
  it('bad flags and values print the usage and exit 2', () => {
    for (const args of [['--bogus'], ['--date'], ['--date', '2023-02-30'], ['--date', 'yesterday'], ['--zones-geojson'], ['--csv=yes'], ['stray']]) {
      const r = runAnalyze(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('usage: npm run -s analyze');
    }
    expect(parseAnalyzeArgs(['--date', '2023-02-30'])).toBe('--date: must be a real calendar date (got "2023-02-30")');
  });

  it('a file that is not JSON: exit 1, names the file and the problem', () => {
    const dir = copyData();
    writeFileSync(join(dir, 'corridors.geojson'), '{"type": "FeatureCollection", "features": [');
    const r = runAnalyze(['--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(dir, 'corridors.geojson')}: not valid JSON`);
  });

  it('a missing file: exit 1, names it', () => {
    const r = runAnalyze(['--data', join(DATA, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(DATA, 'nope', 'sources.json')}: cannot read: ENOENT`);
  });

  it('a bad item is an error too (strict): file, id and field are named', () => {
    const dir = copyData();
    const c = JSON.parse(readFileSync(join(dir, 'corridors.geojson'), 'utf8'));
    c.features[1].geometry.coordinates = [[104, 30]];
    writeFileSync(join(dir, 'corridors.geojson'), JSON.stringify(c));
    const z = JSON.parse(readFileSync(join(dir, 'zones.json'), 'utf8'));
    z.zones[0].width_km = -1;
    writeFileSync(join(dir, 'zones.json'), JSON.stringify(z));
    const r = runAnalyze(['--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'corridors.geojson')}: c-south: geometry.coordinates: needs at least 2 positions`);
    expect(r.stderr).toContain(`${join(dir, 'zones.json')}: z-test: width_km: must be > 0`);
  });

  it('a zone polygon computed from another width is reported as stale', () => {
    const dir = copyData();
    const z = JSON.parse(readFileSync(join(dir, 'zones.json'), 'utf8'));
    z.zones[0].width_km = 3;
    writeFileSync(join(dir, 'zones.json'), JSON.stringify(z));
    const r = runAnalyze(['--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('z-test: computed from other sides or width than');
  });
});

describe('as a process', () => {
  it('stdout is clean JSON (no banner), the note goes to stderr', () => {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/analyze.ts'), '--data', DATA], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect((JSON.parse(stdout) as AnalyzeResult).projects).toHaveLength(3);
  });
});
