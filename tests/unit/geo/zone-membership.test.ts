import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from 'geojson';
import { zoneMembership } from '../../../src/geo/zone-membership';
import { byRole, readCases } from './golden';

describe('zoneMembership: inside cases (tests/fixtures/geo/zone-membership/inside)', () => {
  const cases = readCases('zone-membership/inside');
  it('covers border, crossing, hole and MultiPolygon cases', () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining(['point-on-border', 'line-crossing', 'line-through', 'point-on-hole-border', 'multipolygon-second-part']),
    );
  });
  for (const { name, collection } of cases) {
    it(name, () => {
      expect(zoneMembership(byRole(collection, 'project'), byRole(collection, 'zone') as MultiPolygon)).toBe(true);
    });
  }
});

describe('zoneMembership: outside cases (tests/fixtures/geo/zone-membership/outside)', () => {
  const cases = readCases('zone-membership/outside');
  it('covers holes and MultiPolygon cases', () => {
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(['point-in-hole', 'line-in-hole', 'polygon-in-hole', 'multipolygon-outside']));
  });
  for (const { name, collection } of cases) {
    it(name, () => {
      expect(zoneMembership(byRole(collection, 'project'), byRole(collection, 'zone') as MultiPolygon)).toBe(false);
    });
  }
});

describe('zoneMembership agrees with Turf booleanIntersects on random shapes', () => {
  it('300 random points, lines and polygons against a zone with a hole and a second part', async () => {
    const { booleanIntersects } = await import('@turf/turf');
    const zone = byRole(readCases('zone-membership/inside')[0]!.collection, 'zone') as MultiPolygon;
    let s = 7;
    const rnd = () => {
      s = (s * 16807) % 2147483647;
      return s / 2147483647;
    };
    const at = (): [number, number] => [103.9 + rnd() * 1.0, 29.9 + rnd() * 0.6];
    let inside = 0;
    for (let k = 0; k < 300; k++) {
      const c = at();
      const n = 2 + Math.floor(rnd() * 5);
      const pts = Array.from({ length: n }, () => [c[0] + (rnd() - 0.5) * 0.2, c[1] + (rnd() - 0.5) * 0.2]);
      const g =
        k % 3 === 0
          ? { type: 'Point' as const, coordinates: c }
          : k % 3 === 1
            ? { type: 'LineString' as const, coordinates: pts }
            : { type: 'Polygon' as const, coordinates: [[c, [c[0] + 0.05, c[1]], [c[0] + 0.05, c[1] + 0.04], c]] };
      const ours = zoneMembership(g, zone);
      expect(ours, JSON.stringify(g)).toBe(booleanIntersects(g, zone));
      if (ours) inside++;
    }
    expect(inside).toBeGreaterThan(30);
    expect(inside).toBeLessThan(270);
  });
});
