/**
 * Label points: the pole of inaccessibility (polylabel) of a county's or city's largest polygon,
 * computed in a locally equal-scaled plane (longitudes scaled by cos(latitude)) so the point is
 * the centre of the widest part on the ground, not in degrees.
 */
import polylabel from 'polylabel';
import type { MultiPolygon, Polygon, Position } from 'geojson';

function ringAreaAbs(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return Math.abs(sum / 2);
}

/**
 * A point well inside the geometry, [lon, lat] in degrees rounded to 4 decimals (~10 m).
 * @param precisionM search precision in metres
 */
export function labelPoint(geometry: Polygon | MultiPolygon, precisionM = 20): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let largest = polygons[0];
  for (const p of polygons) if (p[0] && largest?.[0] && ringAreaAbs(p[0]) > ringAreaAbs(largest[0])) largest = p;
  if (!largest?.[0]?.length) throw new Error('labelPoint: empty geometry');
  const outer = largest[0];
  const lat0 = outer.reduce((s, p) => s + p[1]!, 0) / outer.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const scaled = largest.map((ring) => ring.map((p): [number, number] => [p[0]! * k, p[1]!]));
  const [x, y] = polylabel(scaled, precisionM / 111_195);
  return [Number((x / k).toFixed(4)), Number(y.toFixed(4))];
}
