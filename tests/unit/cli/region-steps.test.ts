import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { booleanValid, area, intersect, featureCollection } from '@turf/turf';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection } from 'topojson-specification';
import { currentCountyName, COUNTY_NAMES } from '../../../src/cli/region-names';
import { readPinnedFiles, sha256Hex, type PinnedPackage } from '../../../src/cli/region-source';
import { riversFromInput, lakesInRegion } from '../../../src/cli/region-water';
import { buildRegionTopology } from '../../../src/cli/region-topology';
import { labelPoint } from '../../../src/cli/region-labels';

describe('currentCountyName', () => {
  it('maps the four old source codes to current ones', () => {
    expect(currentCountyName('510124', '郫都区', 'f').code).toBe('510117');
    expect(currentCountyName('510180', '简阳市', 'f').code).toBe('510185');
    expect(currentCountyName('510626', '罗江县', 'f')).toMatchObject({ code: '510604', name_zh: '罗江区' });
    expect(currentCountyName('510132', '新津县', 'f')).toMatchObject({ code: '510118', name_zh: '新津区' });
    expect(COUNTY_NAMES).toHaveLength(35);
  });
  it('names file, id and field for an unknown code or a wrong name', () => {
    expect(() => currentCountyName('510199', 'X', 'a.geojson')).toThrow('a.geojson: feature id 510199: unknown county code (field "id")');
    expect(() => currentCountyName('510104', '青羊区', 'a.geojson')).toThrow(
      'a.geojson: feature id 510104: name "青羊区" ≠ expected "锦江区" (field "properties.name")',
    );
  });
});

describe('readPinnedFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'region-source-'));
  const pkgDir = join(dir, 'fake-1.0.0', 'package');
  mkdirSync(pkgDir, { recursive: true });
  writeFileSync(join(pkgDir, 'a.json'), '{"a":1}');
  const pkg = (sha256: string): PinnedPackage => ({ spec: 'fake@1.0.0', tarball: 'fake-1.0.0.tgz', files: [{ path: 'package/a.json', sha256 }] });

  it('reads an already extracted file whose checksum matches, without fetching', () => {
    const files = readPinnedFiles(pkg(sha256Hex('{"a":1}')), dir, () => {
      throw new Error('must not fetch');
    });
    expect(files.get('package/a.json')).toBe('{"a":1}');
  });
  it('refuses a file whose checksum differs, naming package and file', () => {
    expect(() => readPinnedFiles(pkg('0'.repeat(64)), dir, () => undefined)).toThrow(/fake@1\.0\.0 package\/a\.json: sha256 [0-9a-f]{64} ≠ pinned 0{64}/);
  });
});

describe('water inputs', () => {
  it('maps rivers and names the feature and field of a bad one', () => {
    const good = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name_zh: '岷江', name_en: 'Min River', licence: 'L', source: 'S' }, geometry: { type: 'LineString', coordinates: [[103.1234567, 30], [103.2, 30.1]] } }] };
    expect(riversFromInput(good, 'r.geojson')[0]).toEqual({
      type: 'Feature',
      properties: { kind: 'river', name_zh: '岷江', name_en: 'Min River', licence: 'L', source: 'S' },
      geometry: { type: 'LineString', coordinates: [[103.12346, 30], [103.2, 30.1]] },
    });
    const bad = structuredClone(good);
    delete (bad.features[0]!.properties as Record<string, unknown>).licence;
    expect(() => riversFromInput(bad, 'r.geojson')).toThrow('r.geojson: feature 0: field "licence" must be a non-empty string');
  });

  it('keeps lakes of at least the minimum area that touch the region', () => {
    const square = (x: number, y: number, d: number): Position[][] => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
    const region: Polygon = { type: 'Polygon', coordinates: square(104, 30, 0.1) };
    const lakes = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', coordinates: square(104.05, 30.05, 0.02) }, // ~4 km², inside
        { type: 'Polygon', coordinates: square(104.05, 30.05, 0.005) }, // ~0.25 km², too small
        { type: 'MultiPolygon', coordinates: [square(105, 31, 0.02), square(104.09, 30.09, 0.02)] }, // one part outside, one straddling
      ],
    };
    const out = lakesInRegion(lakes, 'lakes.json', [region], 2);
    expect(out).toHaveLength(2);
    expect(out.every((l) => l.properties.licence === 'ODbL-1.0' && l.properties.area_km2 >= 2)).toBe(true);
    expect(() => lakesInRegion({ type: 'FeatureCollection' }, 'lakes.json', [region], 2)).toThrow('lakes.json: not a GeoJSON GeometryCollection');
  });
});

describe('buildRegionTopology on two counties with a wiggly shared border', () => {
  // A zig-zag border between x = 104.0 and 104.2 with 20 m teeth: simplified away at 100 m.
  const border: Position[] = [];
  for (let i = 0; i <= 40; i++) border.push([104.1 + (i % 2 ? 0.0002 : 0), 30 + i * 0.0025]);
  const west: Position[] = [[104, 30], ...border, [104, 30.1], [104, 30]];
  const east: Position[] = [...border, [104.2, 30.1], [104.2, 30], border[0]!];
  const tiny: Position[] = [[104.05, 30.05], [104.0503, 30.05], [104.0503, 30.0503], [104.05, 30.0503], [104.05, 30.05]];
  const inputs = [
    { id: 'W', properties: { code: 'W', group: 'g' }, geometry: { type: 'MultiPolygon', coordinates: [[west], [tiny]] } as MultiPolygon },
    { id: 'E', properties: { code: 'E', group: 'g' }, geometry: { type: 'Polygon', coordinates: [east] } as Polygon },
  ];
  const { topology, stats } = buildRegionTopology(inputs, (p) => p.group, (g) => ({ id: g, properties: { name: g } }), {
    toleranceM: 100,
    quantumDeg: 1e-5,
    minRingAreaShare: 0.5,
  });
  const counties = feature(topology, topology.objects.counties as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>;
  const cities = feature(topology, topology.objects.cities as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>;

  it('simplifies the shared border once, for both sides', () => {
    expect(stats.verticesAfter).toBeLessThan(stats.verticesBefore);
    const sum = area(counties.features[0]!) + area(counties.features[1]!);
    expect(Math.abs(sum - area(cities.features[0]!)) / sum).toBeLessThan(1e-9);
    for (const f of counties.features) expect(booleanValid(f)).toBe(true);
  });

  it('keeps a tiny ring from collapsing', () => {
    const w = counties.features[0]!.geometry as MultiPolygon;
    expect(w.coordinates).toHaveLength(2);
    const ring = w.coordinates[1]![0]!;
    expect(new Set(ring.map(String)).size).toBeGreaterThanOrEqual(3);
    expect(area({ type: 'Polygon', coordinates: [ring] })).toBeGreaterThan(0.5 * 30 * 30);
  });

  it('merges the counties of a group into one city with their properties', () => {
    expect(cities.features).toHaveLength(1);
    expect(cities.features[0]!.properties).toEqual({ name: 'g' });
    expect(cities.features[0]!.id).toBe('g');
  });
});

describe('buildRegionTopology undoes crossings that simplification would cause', () => {
  // P's top edge has a 44 m notch (a 4,250 m² triangle: below the (100 m)² tolerance); the tip of
  // Q, a separate county, sits inside the notch. Removing the notch would put Q's tip inside P.
  const p: Polygon = { type: 'Polygon', coordinates: [[[104, 30], [104.01, 30], [104.01, 30.01], [104.006, 30.01], [104.005, 30.0096], [104.004, 30.01], [104, 30.01], [104, 30]]] };
  const q: Polygon = { type: 'Polygon', coordinates: [[[104.005, 30.0098], [104.0055, 30.0105], [104.0045, 30.0105], [104.005, 30.0098]]] };
  const options = { toleranceM: 100, quantumDeg: 1e-6, minRingAreaShare: 0.5 };
  const build = () =>
    buildRegionTopology(
      [
        { id: 'P', properties: { g: 'x' }, geometry: p },
        { id: 'Q', properties: { g: 'y' }, geometry: q },
      ],
      (props) => props.g,
      (g) => ({ id: g, properties: {} }),
      options,
    );

  it('restores the notch so P and Q do not overlap', () => {
    const { topology, stats } = build();
    expect(stats.pointsProtectedForCrossings).toBeGreaterThanOrEqual(1);
    const [fp, fq] = (feature(topology, topology.objects.counties as GeometryCollection) as FeatureCollection<Polygon>).features;
    const overlap = intersect(featureCollection([fp!, fq!]));
    expect(overlap ? area(overlap) : 0).toBeLessThan(1);
  });
});

describe('labelPoint', () => {
  it('puts the label in the widest part, not in a thin arm', () => {
    // An L: a 1° square with a long thin arm to the east.
    const l: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [5, 0], [5, 0.1], [1, 0.1], [1, 1], [0, 1], [0, 0]]] };
    const [x, y] = labelPoint(l, 100);
    expect(x).toBeGreaterThan(0.3);
    expect(x).toBeLessThan(0.7);
    expect(y).toBeGreaterThan(0.3);
    expect(y).toBeLessThan(0.7);
  });
});

describe('filesDiffering (data:region --check)', () => {
  it('lists missing and changed files, nothing when identical', async () => {
    const { filesDiffering } = await import('../../../src/cli/build-region');
    const dir = mkdtempSync(join(tmpdir(), 'region-check-'));
    writeFileSync(join(dir, 'a.json'), 'same\n');
    writeFileSync(join(dir, 'b.json'), 'old\n');
    expect(filesDiffering({ 'a.json': 'same\n', 'b.json': 'new\n', 'c.json': 'x' }, dir)).toEqual(['b.json', `c.json (missing in ${dir})`]);
    expect(filesDiffering({ 'a.json': 'same\n' }, dir)).toEqual([]);
  });
});
