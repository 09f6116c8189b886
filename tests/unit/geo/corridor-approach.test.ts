import { describe, expect, it } from 'vitest';
import type { LineString, Position } from 'geojson';
import { corridorApproach } from '../../../src/geo/corridor-approach';
import { distanceToCorridorKm } from '../../../src/geo/distance-to-corridor-km';
import { chainageKm } from '../../../src/geo/chainage-km';
import { geometryParts } from '../../../src/geo/geometry-parts';
import { byRole, expectGolden, readCases } from './golden';
import { bruteForceMinKm, referenceKm } from './brute-force-distance';

const cases = readCases('corridor-approach/in');

describe('corridorApproach golden cases (tests/fixtures/geo/corridor-approach)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(12));
  for (const { name, collection } of cases) {
    it(name, () => {
      const line = byRole(collection, 'corridor') as LineString;
      const geometry = byRole(collection, 'project');
      const r = corridorApproach(geometry, line);
      expect(r).not.toBeNull();
      if (!r) return;
      // The public functions return the same numbers.
      expect(distanceToCorridorKm(geometry, line)).toBe(r.distanceKm);
      expect(chainageKm(geometry, line)).toBe(r.chainageKm);
      expectGolden(`corridor-approach/out/${name}.json`, {
        distance_km: r.distanceKm,
        chainage_km: r.chainageKm,
        point_on_geometry: r.pointOnGeometry,
        point_on_corridor: r.pointOnCorridor,
      });
    });
  }
});

/** Every line and ring of a fixture geometry, for the brute-force reference. */
function polylines(g: Parameters<typeof geometryParts>[0]): Position[][] {
  const parts = geometryParts(g);
  return parts.segments.length > 0 ? parts.segments.map(([a, b]) => [a, b]) : parts.vertices.map((v) => [v]);
}

describe('golden distances agree with an independent brute force (GeographicLib, dense sampling)', () => {
  for (const { name, collection } of cases) {
    it(name, () => {
      const line = byRole(collection, 'corridor') as LineString;
      const geometry = byRole(collection, 'project');
      const ours = distanceToCorridorKm(geometry, line) as number;
      if (ours === 0) return; // contact cases are checked by exact intersection below
      const brute = bruteForceMinKm(polylines(geometry), [line.coordinates]);
      expect(ours).toBeLessThanOrEqual(brute * (1 + 1e-4));
      expect(ours).toBeGreaterThanOrEqual(brute - 0.02);
    });
  }

  it('the closest point pair is really that far apart', () => {
    for (const { collection } of cases) {
      const r = corridorApproach(byRole(collection, 'project'), byRole(collection, 'corridor') as LineString);
      if (!r) throw new Error('no result');
      const ref = referenceKm(r.pointOnGeometry, r.pointOnCorridor);
      expect(Math.abs(ref - r.distanceKm)).toBeLessThanOrEqual(Math.max(1e-9, 1e-4 * ref));
    }
  });
});

describe('exactness on the hard case: the closest approach is a vertex of EACH side to a segment of the other', () => {
  const corridor: LineString = { type: 'LineString', coordinates: [[104.0, 30.4], [104.2, 30.5], [104.4, 30.8]] };
  it('corridor vertex to project segment (a vertex-only method would be kilometres off)', () => {
    const g = { type: 'LineString' as const, coordinates: [[104.1779, 30.4427], [104.2663, 30.5191]] };
    const ours = distanceToCorridorKm(g, corridor) as number;
    const vertexOnly = Math.min(...g.coordinates.map((p) => distanceToCorridorKm({ type: 'Point', coordinates: p }, corridor) as number));
    const brute = bruteForceMinKm([g.coordinates], [corridor.coordinates]);
    expect(Math.abs(ours - brute)).toBeLessThan(0.02);
    expect(vertexOnly - ours).toBeGreaterThan(1);
    expect(chainageKm(g, corridor)).toBeCloseTo(referenceKm([104.0, 30.4], [104.2, 30.5]), 4);
  });
});

describe('contacts', () => {
  const corridor: LineString = { type: 'LineString', coordinates: [[104.0, 30.4], [104.2, 30.5], [104.4, 30.8]] };
  it('a crossing line is at 0 km, chainage of the crossing', () => {
    const r = corridorApproach({ type: 'LineString', coordinates: [[104.1, 30.6], [104.3, 30.4]] }, corridor);
    expect(r?.distanceKm).toBe(0);
    // Crossing of y = 30.4 + 0.5(x − 104) and x + y = 134.7 is at x = 104.2, y = 30.5 (the vertex).
    expect(r?.chainageKm).toBeCloseTo(referenceKm([104.0, 30.4], [104.2, 30.5]), 3);
  });
  it('a corridor inside a polygon hole is not a contact; inside the polygon body it is', () => {
    const outer = [[103.8, 30.2], [104.6, 30.2], [104.6, 31.0], [103.8, 31.0], [103.8, 30.2]];
    const hole = [[103.95, 30.35], [104.45, 30.35], [104.45, 30.85], [103.95, 30.85], [103.95, 30.35]];
    expect(distanceToCorridorKm({ type: 'Polygon', coordinates: [outer, hole] }, corridor)).toBeGreaterThan(4);
    expect(distanceToCorridorKm({ type: 'Polygon', coordinates: [outer] }, corridor)).toBe(0);
  });
  it('returns null for a geometry without positions and throws for a one-point corridor', () => {
    expect(distanceToCorridorKm({ type: 'MultiPoint', coordinates: [] }, corridor)).toBeNull();
    expect(() => distanceToCorridorKm({ type: 'Point', coordinates: [104, 30] }, { type: 'LineString', coordinates: [[104, 30]] })).toThrow(RangeError);
  });
});

/** Seeded PRNG (Park–Miller) so the random cases are the same on every run. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

describe('random shapes: our exact distance equals a dense brute force', () => {
  const rnd = prng(20261122);
  const randomLine = (cx: number, cy: number, n: number, spread: number): Position[] =>
    Array.from({ length: n }, () => [cx + (rnd() - 0.5) * spread, cy + (rnd() - 0.5) * spread]);
  for (let k = 0; k < 24; k++) {
    const corridor = randomLine(104.2, 30.5, 2 + Math.floor(rnd() * 4), 0.5);
    const cx = 104.2 + (rnd() - 0.5) * 0.6;
    const cy = 30.5 + (rnd() - 0.5) * 0.6;
    const shape = randomLine(cx, cy, 2 + Math.floor(rnd() * 4), 0.25);
    const kind = k % 3 === 0 ? 'Polygon' : 'LineString';
    it(`case ${k} (${kind})`, () => {
      const geometry =
        kind === 'Polygon'
          ? { type: 'Polygon' as const, coordinates: [[...shape, shape[0] as Position]] }
          : { type: 'LineString' as const, coordinates: shape };
      const ours = distanceToCorridorKm(geometry, { type: 'LineString', coordinates: corridor }) as number;
      const rings = kind === 'Polygon' ? [[...shape, shape[0] as Position]] : [shape];
      const brute = bruteForceMinKm(rings, [corridor]);
      if (ours === 0) {
        // A contact: the brute force must find the shapes (nearly) touching, or the corridor inside the polygon.
        const inside = kind === 'Polygon' && brute > 0.02;
        if (!inside) expect(brute).toBeLessThan(0.02);
        return;
      }
      expect(ours).toBeLessThanOrEqual(brute * (1 + 1e-4));
      expect(ours).toBeGreaterThanOrEqual(brute - 0.02);
    });
  }
});
