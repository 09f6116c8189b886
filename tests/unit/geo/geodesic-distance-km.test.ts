import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { geodesicDistanceKm } from '../../../src/geo/geodesic-distance-km';
import { referenceKm } from './brute-force-distance';

describe('geodesicDistanceKm against GeographicLib (WGS-84, Karney)', () => {
  it('stays within 0.01 % over the region (29–32° N, 102.9–105.5° E, up to ~300 km)', () => {
    let s = 42;
    const rnd = () => {
      s = (s * 16807) % 2147483647;
      return s / 2147483647;
    };
    let maxRel = 0;
    for (let i = 0; i < 5000; i++) {
      const a = [102.9 + rnd() * 2.6, 29.2 + rnd() * 2.6];
      const b = [102.9 + rnd() * 2.6, 29.2 + rnd() * 2.6];
      const ref = referenceKm(a, b);
      if (ref < 0.001) continue;
      maxRel = Math.max(maxRel, Math.abs(geodesicDistanceKm(a, b) - ref) / ref);
    }
    expect(maxRel).toBeLessThan(1e-4);
  });
  it('a north–south degree near Chengdu is ~110.85 km (a sphere says 111.19)', () => {
    const ours = geodesicDistanceKm([104, 30], [104, 31]);
    expect(ours).toBeCloseTo(referenceKm([104, 30], [104, 31]), 3);
    expect(Math.abs(distance([104, 30], [104, 31]) - ours)).toBeGreaterThan(0.2);
  });
});

describe('wgs84-scale reproduces cheap-ruler (the method geodesicDistanceKm documents)', () => {
  it('km per degree equal CheapRuler kx/ky, and distances equal ruler.distance at the mean latitude', async () => {
    const { default: CheapRuler } = await import('cheap-ruler');
    const { kmPerDegreeLat, kmPerDegreeLon } = await import('../../../src/geo/wgs84-scale');
    for (const lat of [0, 29.3, 30.5, 31.7, 60]) {
      const r = new CheapRuler(lat, 'kilometers');
      expect(kmPerDegreeLon(lat)).toBeCloseTo(r.kx, 12);
      expect(kmPerDegreeLat(lat)).toBeCloseTo(r.ky, 12);
    }
    const a = [104.06, 30.66];
    const b = [104.4, 30.3];
    expect(geodesicDistanceKm(a, b)).toBeCloseTo(new CheapRuler(30.48, 'kilometers').distance([104.06, 30.66], [104.4, 30.3]), 10);
  });
});
