/**
 * Web Mercator as MapLibre uses it, in the unit square: x from 0 (180° W) to 1 (180° E), y from
 * 0 (north, 85.05° N) to 1 (south). Multiply by 512 · 2^zoom for MapLibre's world pixels.
 * Latitudes beyond ±85.05° are clamped, as the map clamps them.
 */
const MAX_LAT = 85.05;

export const mercatorX = (lng: number): number => (lng + 180) / 360;

export function mercatorY(lat: number): number {
  const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

/** The longitude of unit-square `x` (inverse of {@link mercatorX}). */
export const lngOfMercatorX = (x: number): number => x * 360 - 180;

/** The latitude of unit-square `y` (inverse of {@link mercatorY} within ±85.05°). */
export const latOfMercatorY = (y: number): number => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
