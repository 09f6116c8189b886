/**
 * Issue 15 §1: absurd sizes are refused by counting, with a message naming the file, the id and
 * the field, and the valid rest is kept. Fixtures are generated here (no giant files committed).
 * No timings are asserted (they belong in `npm run bench`): the "linear" tests instead count how
 * many times the costly per-position work runs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDataFiles } from '../../../src/cli/check-data';
import { countPositions, DEFAULT_MAX_FILE_BYTES, itemSizeIssues, LIMITS, maxFileBytes, TEXT_LIMITS } from '../../../src/data/limits';
import { fetchJson } from '../../../src/data/load-base-map';
import { parseCorridors } from '../../../src/data/parse-corridors';
import { formatDataIssue, validateProjectsFile } from '../../../src/data/parse-projects';
import { parseSources } from '../../../src/data/parse-sources';
import { parseZoneDefinitions } from '../../../src/data/parse-zones';
import type { RegionCheck } from '../../../src/data/project-region-check';
import { bboxRegionCheck } from '../../../src/data/project-region-check';

const DIR = 'tests/fixtures/hostile';
const fmt = (n: number) => n.toLocaleString('en');
type Json = Record<string, unknown>;
const baseFile = () => JSON.parse(readFileSync(`${DIR}/base.projects.json`, 'utf8')) as { version: number; projects: Json[] };
const baseSources = () => JSON.parse(readFileSync(`${DIR}/base.sources.json`, 'utf8')) as { version: number; sources: Json[] };
const sourceIds = new Set(baseSources().sources.map((s) => String(s.id)));
const line = () => structuredClone(baseFile().projects[0] as Json);
const point = () => structuredClone(baseFile().projects[1] as Json);

function validate(projects: Json[], region: RegionCheck = bboxRegionCheck()) {
  const r = validateProjectsFile({ version: 1, projects }, sourceIds, region, 'data/projects.json');
  if (!r.ok) throw new Error(r.error.message);
  return { ids: r.value.map((p) => p.id), lines: r.warnings.map(formatDataIssue) };
}

/** A straight line inside the region with `n` distinct positions. */
function longLine(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => [104.0 + (i / n) * 0.5, 30.5 + (i % 2) * 1e-4]);
}

describe('the base files are valid (so every rejection below is due to the size)', () => {
  it('both base projects load', () => {
    expect(validate([line(), point()])).toEqual({ ids: ['fx-line', 'fx-point'], lines: [] });
  });
});

describe('vertex count', () => {
  it('a line at the limit loads; one position more is refused naming file, id and field', () => {
    const atLimit = line();
    atLimit.geometry = { type: 'LineString', coordinates: longLine(LIMITS.verticesPerProject) };
    atLimit.geometry_accuracy = 'approximate';
    atLimit.facts = [];
    const over = structuredClone(atLimit);
    over.id = 'fx-over';
    (over.geometry as { coordinates: number[][] }).coordinates.push([104.6, 30.6]);
    const r = validate([atLimit, over]);
    expect(r.ids).toEqual(['fx-line']);
    expect(r.lines).toEqual([expect.stringMatching(new RegExp(`^data/projects\\.json: fx-over: geometry\\.coordinates: more than ${fmt(LIMITS.verticesPerProject)} positions \\(the limit per project`))]);
  });

  it('a 1,000,000-point line is refused by counting: the region check never runs on its positions', () => {
    const huge = line();
    huge.geometry = { type: 'LineString', coordinates: Array.from({ length: 1_000_000 }, (_, i) => [104 + i * 1e-7, 30.5]) };
    let located = 0;
    const counting: RegionCheck = { kind: 'bbox', locate: (p) => { located++; return bboxRegionCheck().locate(p); } };
    const r = validate([huge, point()], counting);
    expect(r.ids).toEqual(['fx-point']);
    expect(r.lines[0]).toMatch(`fx-line: geometry.coordinates: more than ${fmt(LIMITS.verticesPerProject)} positions`);
    expect(located).toBe(1); // only the point's own position
  });

  it('a MultiLineString of millions of tiny parts is refused (parts count too)', () => {
    const p = line();
    p.geometry = { type: 'MultiLineString', coordinates: Array.from({ length: 200_000 }, () => [[104, 30.5], [104.1, 30.5]]) };
    expect(validate([p]).lines[0]).toMatch(/fx-line: geometry\.coordinates: more than 1,000 parts/);
  });

  it('the positions of all projects together are bounded: later projects over the total are left out', () => {
    const per = LIMITS.verticesPerProject - 100;
    const n = Math.ceil(LIMITS.verticesTotal / per) + 1;
    const projects = Array.from({ length: n }, (_, i) => {
      const p = line();
      p.id = `fx-l${i}`;
      p.geometry = { type: 'LineString', coordinates: longLine(per) };
      p.geometry_accuracy = 'approximate';
      p.facts = [];
      return p;
    });
    const r = validate(projects);
    expect(r.ids).toHaveLength(Math.floor(LIMITS.verticesTotal / per));
    expect(r.lines.every((l) => l.includes(`together would have more than ${fmt(LIMITS.verticesTotal)} positions`))).toBe(true);
    expect(r.lines.length).toBe(n - r.ids.length);
  });

  it('countPositions stops counting once past the limit and handles every GeoJSON depth', () => {
    expect(countPositions([104, 30]).positions).toBe(1);
    expect(countPositions([[104, 30], [105, 31]]).positions).toBe(2);
    expect(countPositions([[[[1, 2], [3, 4], [5, 6], [1, 2]]], [[[1, 2], [3, 4], [5, 6], [1, 2]]]]).positions).toBe(8);
    expect(countPositions(Array.from({ length: 50 }, () => [1, 2]), 10).positions).toBeGreaterThan(10);
    expect(countPositions('nope').positions).toBe(0);
  });
});

describe('string lengths', () => {
  const tenMb = 'x'.repeat(10 * 1024 * 1024);
  it('a 10 MB name is refused, the message gives its length, not its text; the other project loads', () => {
    const p = point();
    p.name_en = tenMb;
    const r = validate([line(), p]);
    expect(r.ids).toEqual(['fx-line']);
    expect(r.lines).toEqual([`data/projects.json: fx-point: name_en: text of 10,485,760 characters is longer than the limit of ${TEXT_LIMITS.short.toLocaleString('en')} (see data/README.md "Size limits")`]);
  });

  it('a 10 MB id is not repeated in the message: the project is named by its index', () => {
    const p = point();
    p.id = tenMb;
    const r = validate([line(), p]);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^data\/projects\.json: projects\[1\]: id: text of 10,485,760 characters/);
    expect(r.lines[0]!.length).toBeLessThan(300);
  });

  it('names at the limit load; quotes and notes have the long limit', () => {
    const p = point();
    p.name_zh = '名'.repeat(TEXT_LIMITS.short);
    const ms = (p.milestones as Json[])[0] as Json;
    ms.quote = '引'.repeat(TEXT_LIMITS.long);
    const q = line();
    ((q.milestones as Json[])[0] as Json).note_en = 'n'.repeat(TEXT_LIMITS.long + 1);
    const r = validate([p, q]);
    expect(r.ids).toEqual(['fx-point']);
    expect(r.lines).toEqual([expect.stringMatching(/^data\/projects\.json: fx-line: milestones\[0\]\.note_en: text of 5,001 characters/)]);
  });

  it('an alias too long and too many aliases are each named', () => {
    const p = point();
    p.aliases = ['a'.repeat(TEXT_LIMITS.short + 1)];
    const q = line();
    q.aliases = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `alias ${i}`);
    const r = validate([p, q]);
    expect(r.ids).toEqual([]);
    expect(r.lines).toContainEqual(expect.stringMatching(/fx-point: aliases\[0\]: text of 301 characters/));
    expect(r.lines).toContainEqual(expect.stringMatching(/fx-line: aliases: 51 entries, more than the limit of 50/));
  });

  it('an unknown field named with 10 MB is named by its length', () => {
    const p = point();
    p[tenMb] = 1;
    const issues = itemSizeIssues(p, 'f', 'fx-point');
    expect(issues.map((i) => `${i.field}: ${i.message}`)).toEqual(['<field name of 10,485,760 characters>: field name longer than any valid field']);
  });
});

describe('list lengths', () => {
  it('too many milestones / facts / targets / stations are refused with the field named', () => {
    const p = point();
    const m = (p.milestones as Json[])[0] as Json;
    p.milestones = Array.from({ length: LIMITS.milestones + 1 }, () => m);
    const q = line();
    q.facts = Array.from({ length: LIMITS.facts + 1 }, () => ({ key: 'k', label_zh: 'k', label_en: 'k', value: 1, source: 'seed-a' }));
    const r = validate([p, q]);
    expect(r.lines).toContainEqual('data/projects.json: fx-point: milestones: 501 entries, more than the limit of 500 (see data/README.md "Size limits")');
    expect(r.lines).toContainEqual('data/projects.json: fx-line: facts: 201 entries, more than the limit of 200 (see data/README.md "Size limits")');
  });

  it('more projects than the limit: the first ones are checked and loaded, one error says so', () => {
    const p = point();
    const projects = Array.from({ length: LIMITS.projects + 5 }, (_, i) => ({ ...p, id: `p${i}` }));
    const r = validateProjectsFile({ version: 1, projects }, sourceIds, bboxRegionCheck(), 'data/projects.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(LIMITS.projects);
    expect(r.warnings).toEqual([expect.objectContaining({ file: 'data/projects.json', field: 'projects', severity: 'error', message: expect.stringMatching(/^20,005 items, more than the limit of 20,000: only the first 20,000/) as unknown })]);
  });

  it('sources: too many, and a huge title, are refused naming the file and id', () => {
    const s = baseSources();
    (s.sources[0] as Json).title = 't'.repeat(TEXT_LIMITS.long + 1);
    const r = parseSources(s);
    expect(r.ok && r.warnings.map(formatDataIssue)).toContainEqual(expect.stringMatching(/^data\/sources\.json: seed-a: title: text of 5,001 characters/));
    const many = { version: 1, sources: Array.from({ length: LIMITS.sources + 1 }, (_, i) => ({ ...(baseSources().sources[0] as Json), id: `s${i}` })) };
    const m = parseSources(many);
    expect(m.ok && m.value.size).toBe(LIMITS.sources);
    expect(m.ok && m.warnings[0]?.message).toMatch(/10,001 items, more than the limit of 10,000/);
  });

  it('corridors and zones have count and size limits too', () => {
    const corridor = (id: string, coords: number[][]) => ({ type: 'Feature', properties: { id, name_zh: 'c', name_en: 'c', schematic: true, source: 's' }, geometry: { type: 'LineString', coordinates: coords } });
    const c = parseCorridors({ type: 'FeatureCollection', features: [corridor('ok', [[104, 30], [105, 31]]), corridor('big', longLine(LIMITS.verticesPerProject + 1))] });
    expect(c.ok && c.value.map((x) => x.id)).toEqual(['ok']);
    expect(c.ok && c.warnings.map(formatDataIssue)).toEqual([expect.stringMatching(new RegExp(`^data/corridors\\.geojson: big: geometry\\.coordinates: more than ${fmt(LIMITS.verticesPerProject)} positions`))]);
    const z = parseZoneDefinitions({ version: 1, zones: [{ id: 'z', name_zh: 'z'.repeat(TEXT_LIMITS.short + 1), name_en: 'z', sides: [['510104'], ['510105']], width_km: 5, inferred: false, source: 's' }] });
    expect(z.ok && z.warnings.map(formatDataIssue)).toEqual([expect.stringMatching(/^data\/zones\.json: z: name_zh: text of 301 characters/)]);
  });
});

describe('file size', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cdmz-limits-'));
  afterEach(() => vi.unstubAllGlobals());

  it('data:check refuses a projects file over its byte limit unread, naming the file', () => {
    const file = join(tmp, 'big.projects.json');
    writeFileSync(file, `{"version":1,"projects":[]}${' '.repeat(maxFileBytes('data/projects.json'))}`);
    const report = checkDataFiles({ projectsPath: file, sourcesPath: `${DIR}/base.sources.json`, regionPath: `${DIR}/none.json` });
    const limit = maxFileBytes('data/projects.json');
    expect(report.issues.map(formatDataIssue)).toEqual([`${file}: is too big to load (${fmt(limit + 27)} bytes, more than the limit of ${fmt(limit)} bytes; see data/README.md "Size limits")`]);
  });

  it('the loader refuses by Content-Length before reading, and by counting while streaming', async () => {
    let pulls = 0;
    let cancelled = false;
    vi.stubGlobal('fetch', async (url: URL) => {
      if (url.pathname.endsWith('declared.geojson')) {
        const chunk = new Uint8Array(1024).fill(32);
        return new Response(new ReadableStream({ pull(c) { pulls++; c.enqueue(chunk); }, cancel() { cancelled = true; } }), { headers: { 'content-length': String(DEFAULT_MAX_FILE_BYTES + 1) } });
      }
      // A stream that never ends: reading stops at the limit.
      const chunk = new Uint8Array(1024 * 1024).fill(32);
      return new Response(new ReadableStream({ pull(c) { c.enqueue(chunk); } }));
    });
    const base = new URL('http://127.0.0.1/');
    const a = await fetchJson(base, 'data/declared.geojson');
    expect(a).toEqual({ ok: false, error: expect.objectContaining({ file: 'data/declared.geojson', severity: 'error', message: expect.stringMatching(/^is too big to load \(16,777,217 bytes, more than the limit of 16,777,216 bytes/) as unknown }) });
    // Nothing read beyond what the stream itself buffers on creation; the download is cancelled.
    expect(pulls).toBeLessThanOrEqual(1);
    expect(cancelled).toBe(true);
    const b = await fetchJson(base, 'data/corridors.geojson');
    expect(b).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/^is too big to load \(more than the limit of 16,777,216 bytes/) as unknown }) });
  });

  it('a normal file still loads through the capped reader (UTF-8 across chunk boundaries)', async () => {
    const text = JSON.stringify({ name: '成都东部新区'.repeat(50_000) });
    const bytes = new TextEncoder().encode(text);
    vi.stubGlobal('fetch', async () => new Response(new ReadableStream({
      start(c) {
        for (let i = 0; i < bytes.length; i += 1001) c.enqueue(bytes.slice(i, i + 1001));
        c.close();
      },
    })));
    const r = await fetchJson(new URL('http://127.0.0.1/'), 'data/zones.json');
    expect(r).toEqual({ ok: true, json: { name: '成都东部新区'.repeat(50_000) } });
  });
});
