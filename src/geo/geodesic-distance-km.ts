import CheapRuler from 'cheap-ruler';
import type { Position } from 'geojson';

/**
 * Geodesic distance in km between two WGS-84 positions `[lon, lat]`.
 *
 * Method: cheap-ruler's ellipsoidal (WGS-84) local approximation, evaluated at the pair's
 * mean latitude. Measured against GeographicLib (Karney's exact geodesic) over random pairs
 * inside the region (29–32° N, up to 150 km apart): relative error < 0.01 % (see
 * tests/unit/geo/geodesic-distance-km.test.ts). Turf's `distance` (haversine on a sphere) is
 * up to 0.3 % off the ellipsoid at this latitude for north–south pairs.
 *
 * @example geodesicDistanceKm([104.06, 30.66], [104.4, 30.3]) // ≈ 51.3
 */
export function geodesicDistanceKm(a: Position, b: Position): number {
  const ay = a[1] ?? Number.NaN;
  const by = b[1] ?? Number.NaN;
  return new CheapRuler((ay + by) / 2, 'kilometers').distance(
    [a[0] ?? Number.NaN, ay],
    [b[0] ?? Number.NaN, by],
  );
}
