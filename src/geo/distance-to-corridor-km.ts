import type { Geometry, LineString } from 'geojson';
import { corridorApproach } from './corridor-approach';

/**
 * Minimum geodesic distance in km from a project geometry (Point, LineString, Polygon or
 * Multi*) to a corridor centre line: 0 when they touch or cross, or when the line passes
 * inside a polygon; otherwise the exact minimum between the two shapes (every vertex of each
 * to every segment of the other). WGS-84 ellipsoid via cheap-ruler, < 0.01 % from
 * GeographicLib in this region (see {@link corridorApproach}).
 *
 * Returns null when the geometry has no positions.
 *
 * @example distanceToCorridorKm({ type: 'Point', coordinates: [104.3, 30.6] }, corridor.line) // km
 */
export function distanceToCorridorKm(geometry: Geometry, corridorLine: LineString): number | null {
  return corridorApproach(geometry, corridorLine)?.distanceKm ?? null;
}
