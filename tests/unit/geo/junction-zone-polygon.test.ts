import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, booleanValid } from '@turf/turf';
import { topology } from 'topojson-server';
import type { FeatureCollection, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { junctionZonePolygon } from '../../../src/geo/junction-zone-polygon';
import { referenceKm } from './brute-force-distance';
import { FIXTURES, expectGolden } from './golden';

const counties = JSON.parse(readFileSync(join(FIXTURES, 'junction-zone-polygon/in/counties.geojson'), 'utf8')) as FeatureCollection;
const topo = topology({ counties }) as unknown as Topology;

function allPositions(g: { type: string; coordinates: unknown }): Position[] {
  const out: Position[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(g.coordinates);
  return out;
}

describe('junctionZonePolygon on a fixture topology', () => {
  const z = junctionZonePolygon(topo, [['100001'], ['100002']], 2);

  it('matches the golden output (tests/fixtures/geo/junction-zone-polygon/out)', () => {
    expectGolden('junction-zone-polygon/out/a-b-2km.json', { area_km2: z.areaKm2, border_km: z.borderKm, border: z.border, polygon: z.polygon }, 1e-9);
  });

  it('follows only the A–B border (not A–C, B–C or the outline)', () => {
    expect(z.borderKm).toBeCloseTo(referenceKm([104.2, 30.0], [104.2, 30.2]), 1);
    for (const p of allPositions(z.border)) expect(p[0]).toBeCloseTo(104.2, 9);
  });

  it('is a valid polygon inside A ∪ B, within the width of the border, about 2 × 2 km × the border long', () => {
    expect(booleanValid(z.polygon)).toBe(true);
    const union = { type: 'Polygon' as const, coordinates: [[[104.0, 30.0], [104.4, 30.0], [104.4, 30.2], [104.0, 30.2], [104.0, 30.0]]] };
    for (const p of allPositions(z.polygon)) {
      expect(booleanPointInPolygon(p, union)).toBe(true);
      // Distance to the border line x = 104.2 (between 30.0 and 30.2, which every vertex is).
      expect(referenceKm(p, [104.2, p[1] as number])).toBeLessThanOrEqual(2 * 1.005);
    }
    expect(z.areaKm2).toBeCloseTo(area(z.polygon) / 1e6, 6);
    expect(Math.abs(z.areaKm2 - 4 * z.borderKm) / (4 * z.borderKm)).toBeLessThan(0.01);
  });

  it('is byte-stable: the same input gives the same JSON', () => {
    expect(JSON.stringify(junctionZonePolygon(topo, [['100001'], ['100002']], 2))).toBe(JSON.stringify(z));
  });

  it('a side may list several counties: A ∪ C against B follows both borders with B', () => {
    const z2 = junctionZonePolygon(topo, [['100001', '100003'], ['100002']], 1);
    expect(z2.borderKm).toBeGreaterThan(z.borderKm + 15);
  });

  it('names the problem: unknown code, code on both sides, no shared border, bad width', () => {
    expect(() => junctionZonePolygon(topo, [['100001'], ['999999']], 2)).toThrow('county code 999999 is not in the topology object "counties"');
    expect(() => junctionZonePolygon(topo, [['100001'], ['100001', '100002']], 2)).toThrow('county code 100001 is on both sides');
    const apart = topology({
      counties: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '1' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
          { type: 'Feature', properties: { code: '2' }, geometry: { type: 'Polygon', coordinates: [[[5, 5], [6, 5], [6, 6], [5, 5]]] } },
        ],
      } as FeatureCollection,
    }) as unknown as Topology;
    expect(() => junctionZonePolygon(apart, [['1'], ['2']], 2)).toThrow('the two sides share no border (1 | 2)');
    expect(() => junctionZonePolygon(topo, [['100001'], ['100002']], 0)).toThrow('width_km must be a positive number, got 0');
  });
});
