import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBaseMap } from '../../../src/data/load-base-map';
import { parseRegion } from '../../../src/data/parse-region';
import { REGION_BOUNDS } from '../../../src/app/region-bounds';

const region = JSON.parse(readFileSync('data/region.topo.json', 'utf8')) as unknown;
const water = readFileSync('data/water.geojson', 'utf8');
const base = new URL('http://127.0.0.1/');

function serve(files: Record<string, string | number>) {
  vi.stubGlobal('fetch', async (url: URL) => {
    const body = files[url.pathname.slice(1)];
    if (body === undefined || typeof body === 'number') return new Response('', { status: typeof body === 'number' ? body : 404 });
    return new Response(body, { status: 200 });
  });
}
afterEach(() => vi.unstubAllGlobals());

describe('parseRegion', () => {
  it('decodes the committed topology into 35 counties, 4 cities and 39 label points', () => {
    const r = parseRegion(region);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.counties.features).toHaveLength(35);
    expect(r.value.cities.features).toHaveLength(4);
    expect(r.value.labels.features).toHaveLength(39);
    expect(r.warnings).toEqual([]);
  });

  it('rejects what is not a topology, naming the file', () => {
    for (const bad of [null, 42, [], { type: 'FeatureCollection', features: [] }, { type: 'Topology', objects: {}, arcs: [] }]) {
      const r = parseRegion(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.file).toBe('data/region.topo.json');
    }
  });

  it('keeps the boundaries when a label point is malformed, with a warning naming the county', () => {
    const copy = JSON.parse(JSON.stringify(region)) as { objects: { counties: { geometries: Array<{ properties: Record<string, unknown> }> } } };
    const first = copy.objects.counties.geometries[0];
    if (!first) throw new Error('no county');
    first.properties.label = ['x', 1];
    const r = parseRegion(copy);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.labels.features).toHaveLength(38);
      expect(r.warnings).toEqual([expect.objectContaining({ id: first.properties.code, field: 'label' })]);
    }
  });
});

describe('loadBaseMap', () => {
  it('loads region and water', async () => {
    serve({ 'data/region.topo.json': JSON.stringify(region), 'data/water.geojson': water });
    const r = await loadBaseMap(base);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.water.features.length).toBeGreaterThan(0);
  });

  it('a missing water file costs only the water, with a warning', async () => {
    serve({ 'data/region.topo.json': JSON.stringify(region) });
    const r = await loadBaseMap(base);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.water.features).toEqual([]);
      expect(r.warnings).toEqual([expect.objectContaining({ file: 'data/water.geojson', message: expect.stringContaining('404') })]);
    }
  });

  it('a missing or broken region file is an error naming the file', async () => {
    serve({ 'data/water.geojson': water, 'data/region.topo.json': 500 });
    const a = await loadBaseMap(base);
    expect(a).toEqual({ ok: false, error: { file: 'data/region.topo.json', message: 'could not be loaded (HTTP 500)' } });
    serve({ 'data/water.geojson': water, 'data/region.topo.json': '{"type": "Topo' });
    const b = await loadBaseMap(base);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error.message).toMatch(/^is not valid JSON/);
  });
});

describe('REGION_BOUNDS (the first view)', () => {
  it('contains every vertex of the four cities', () => {
    const r = parseRegion(region);
    if (!r.ok) throw new Error('region');
    const [w, s, e, n] = REGION_BOUNDS;
    const outside: number[][] = [];
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') {
        const [x, y] = c as [number, number];
        if (x < w || x > e || y < s || y > n) outside.push([x, y]);
      } else if (Array.isArray(c)) c.forEach(walk);
    };
    for (const f of r.value.cities.features) if (f.geometry && 'coordinates' in f.geometry) walk(f.geometry.coordinates);
    expect(outside).toEqual([]);
  });
});
