/**
 * Kilometres per degree of longitude and latitude on the WGS-84 ellipsoid at a latitude: the
 * local scale factors of cheap-ruler (mapbox), written out so hot loops need no allocation.
 * tests/unit/geo/geodesic-distance-km.test.ts checks they equal cheap-ruler's `kx`/`ky`.
 */
const RE_KM = 6378.137;
const FE = 1 / 298.257223563;
const E2 = FE * (2 - FE);
const RAD = Math.PI / 180;

/** Km per degree of longitude at `latDeg` (WGS-84, prime-vertical radius × cos φ). */
export function kmPerDegreeLon(latDeg: number): number {
  const c = Math.cos(latDeg * RAD);
  const w2 = 1 / (1 - E2 * (1 - c * c));
  return RAD * RE_KM * Math.sqrt(w2) * c;
}

/** Km per degree of latitude at `latDeg` (WGS-84 meridional radius). */
export function kmPerDegreeLat(latDeg: number): number {
  const c = Math.cos(latDeg * RAD);
  const w2 = 1 / (1 - E2 * (1 - c * c));
  return RAD * RE_KM * Math.sqrt(w2) * w2 * (1 - E2);
}
