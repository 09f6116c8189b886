/**
 * Checks of the committed corridor and zone data (data/), the figures the judges and the app
 * rely on. When ../shared/facts is present, also that the corridor vertices are the fact
 * base's place coordinates (the project never depends on it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, booleanValid } from '@turf/turf';
import { merge } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { MultiPolygon, Position } from 'geojson';
import { parseCorridors } from '../../../src/data/parse-corridors';
import { parseSources } from '../../../src/data/parse-sources';
import { parseZones } from '../../../src/data/parse-zones';
import { corridorApproach } from '../../../src/geo/corridor-approach';
import { runAnalyze } from '../../../src/cli/analyze';

const ROOT = resolve(import.meta.dirname, '../../..');
const read = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, 'data', name), 'utf8'));
const sources = parseSources(read('sources.json'));
const sourceIds = sources.ok ? new Set(sources.value.keys()) : new Set<string>();

describe('data/corridors.geojson', () => {
  const r = parseCorridors(read('corridors.geojson'), 'data/corridors.geojson', sourceIds);
  it('has the 7 corridors of the fact base, all schematic, no problems', () => {
    expect(r.ok && r.warnings).toEqual([]);
    expect(r.ok && r.value.map((c) => c.id)).toEqual([
      'belt-chengde-port',
      'belt-chengmei-hitech',
      'belt-chengzi-airport',
      'axis-east-west-chengyu',
      'axis-chengdemei',
      'corridor-chengzi-open',
      'axis-tuojiang',
    ]);
    expect(r.ok && r.value.every((c) => c.schematic)).toBe(true);
  });

  const facts = resolve(ROOT, '../shared/facts');
  it.runIf(existsSync(join(facts, 'places.json')))('(with ../shared) vertices are the fact base waypoints, same set as the facts', () => {
    const places = new Map((JSON.parse(readFileSync(join(facts, 'places.json'), 'utf8')) as Array<{ id: string; lon: number; lat: number }>).map((p) => [p.id, p]));
    const zc = JSON.parse(readFileSync(join(facts, 'zones_corridors.json'), 'utf8')) as { corridors: Array<{ id: string; waypoints: string[] }> };
    const fc = read('corridors.geojson') as { features: Array<{ properties: { id: string; waypoints: string[] }; geometry: { coordinates: Position[] } }> };
    for (const f of fc.features) {
      const fact = zc.corridors.find((c) => c.id === f.properties.id);
      expect([...f.properties.waypoints].sort()).toEqual([...(fact?.waypoints ?? [])].sort());
      f.properties.waypoints.forEach((id, i) => {
        const p = places.get(id);
        expect(f.geometry.coordinates[i]).toEqual([p?.lon, p?.lat]);
      });
    }
  });
});

describe('data/zones.json + data/zones.geojson', () => {
  const r = parseZones(read('zones.json'), read('zones.geojson'), undefined, sourceIds);
  const zones = r.ok ? r.value : [];
  const topo = read('region.topo.json') as Topology;
  const counties = (topo.objects['counties'] as GeometryCollection<{ code: string }>).geometries;

  it('8 zones, each with a current (not stale) polygon, inferred exactly where the facts say so', () => {
    expect(r.ok && r.warnings).toEqual([]);
    expect(zones).toHaveLength(8);
    expect(zones.filter((z) => z.inferred).map((z) => z.id)).toEqual(['jz-jianle', 'jz-pengshi', 'jz-tianfu-renshou', 'jz-pudan']);
    for (const z of zones) expect(z.polygon, z.id).not.toBeNull();
  });

  for (const id of ['jz-jianyan', 'jz-jianle', 'jz-jian-yan-le', 'jz-qingguang', 'jz-xinpeng', 'jz-pengshi', 'jz-tianfu-renshou', 'jz-pudan']) {
    it(`${id}: valid, inside its counties, within width_km of the shared border`, () => {
      const z = zones.find((x) => x.id === id);
      if (!z?.polygon || !z.border) throw new Error(`${id} has no polygon or border`);
      expect(booleanValid(z.polygon)).toBe(true);
      const codes = new Set([...z.sides[0], ...z.sides[1]]);
      const union = merge(topo, counties.filter((g) => codes.has(String((g.properties as { code?: string } | null)?.code))) as never) as MultiPolygon;
      const borderLines = z.border.type === 'LineString' ? [z.border.coordinates] : z.border.coordinates;
      const rings = z.polygon.type === 'Polygon' ? z.polygon.coordinates : z.polygon.coordinates.flat();
      for (const p of rings.flat()) {
        if (!booleanPointInPolygon(p, union)) {
          // Off the union only by the 1e-6° rounding of clipped edges.
          const edgeKm = Math.min(...union.coordinates.flat().map((ring) => corridorApproach({ type: 'Point', coordinates: p }, { type: 'LineString', coordinates: ring })?.distanceKm ?? Infinity));
          expect(edgeKm).toBeLessThan(0.001);
        }
        const toBorderKm = Math.min(...borderLines.map((l) => corridorApproach({ type: 'Point', coordinates: p }, { type: 'LineString', coordinates: l })?.distanceKm ?? Infinity));
        expect(toBorderKm).toBeLessThanOrEqual(z.width_km * 1.01 + 0.01);
      }
    });
  }
});

describe('npm run analyze on the committed data', () => {
  it('exits 0 with every project, corridor and zone', () => {
    const r = runAnalyze(['--data', join(ROOT, 'data')]);
    expect(r.stderr).toMatch(/^analyze: as of \d{4}-\d{2}-\d{2}/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { corridors: unknown[]; zones: unknown[]; projects: unknown[] };
    expect(out.corridors).toHaveLength(7);
    expect(out.zones).toHaveLength(8);
    expect(out.projects.length).toBeGreaterThan(50);
  });
});
