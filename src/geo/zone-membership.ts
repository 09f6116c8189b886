import { bbox, booleanIntersects } from '@turf/turf';
import type { BBox, Geometry, MultiPolygon, Polygon } from 'geojson';

const zoneBoxes = new WeakMap<Polygon | MultiPolygon, BBox>();

/**
 * True when the geometry intersects the junction-zone polygon: a point inside or on its
 * border, a line crossing or touching it, a polygon overlapping, containing or contained by
 * it. Holes are respected (a shape wholly inside a hole is outside). Planar test in lon/lat
 * (Turf `booleanIntersects`) after a bounding-box rejection.
 *
 * @example zoneMembership({ type: 'Point', coordinates: [104.5, 30.3] }, zone.polygon) // true/false
 */
export function zoneMembership(geometry: Geometry, zonePolygon: Polygon | MultiPolygon): boolean {
  let zb = zoneBoxes.get(zonePolygon);
  if (!zb) {
    zb = bbox(zonePolygon);
    zoneBoxes.set(zonePolygon, zb);
  }
  const gb = bbox(geometry);
  if (gb[0] > zb[2] || zb[0] > gb[2] || gb[1] > zb[3] || zb[1] > gb[3]) return false;
  return booleanIntersects(geometry, zonePolygon);
}
