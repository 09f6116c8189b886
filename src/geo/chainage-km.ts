import type { Geometry, LineString } from 'geojson';
import { corridorApproach } from './corridor-approach';

/**
 * Km along the corridor centre line, from its first vertex (the Chengdu end), of the line's
 * point closest to the geometry. When the geometry touches or crosses the line, the first
 * contact met walking from the start. Segment lengths are WGS-84 geodesic (cheap-ruler,
 * < 0.01 % from GeographicLib here).
 *
 * Returns null when the geometry has no positions.
 *
 * @example chainageKm({ type: 'Point', coordinates: [104.3, 30.6] }, corridor.line) // km from start
 */
export function chainageKm(geometry: Geometry, corridorLine: LineString): number | null {
  return corridorApproach(geometry, corridorLine)?.chainageKm ?? null;
}
