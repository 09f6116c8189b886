import type { Position } from 'geojson';

/**
 * Where segment a→b first meets segment c→d, as the parameter t ∈ [0, 1] along a→b
 * (0 at a), or null when they do not meet. Works in the lon/lat plane, which is how GeoJSON
 * segments are drawn; collinear overlaps return the start of the overlap.
 *
 * @example segmentContactT([0, 0], [2, 0], [1, -1], [1, 1]) // 0.5
 */
export function segmentContactT(a: Position, b: Position, c: Position, d: Position): number | null {
  const ax = a[0] as number;
  const ay = a[1] as number;
  const rx = (b[0] as number) - ax;
  const ry = (b[1] as number) - ay;
  const sx = (d[0] as number) - (c[0] as number);
  const sy = (d[1] as number) - (c[1] as number);
  const qx = (c[0] as number) - ax;
  const qy = (c[1] as number) - ay;
  const denom = rx * sy - ry * sx;
  if (denom !== 0) {
    const t = (qx * sy - qy * sx) / denom;
    const u = (qx * ry - qy * rx) / denom;
    return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : null;
  }
  // Parallel: they meet only when collinear.
  if (qx * ry - qy * rx !== 0) return null;
  const rr = rx * rx + ry * ry;
  // A zero-length a→b is a point: the vertex-to-segment distance finds it (distance 0).
  if (rr === 0) return null;
  const t0 = (qx * rx + qy * ry) / rr;
  const t1 = (((d[0] as number) - ax) * rx + ((d[1] as number) - ay) * ry) / rr;
  const lo = Math.max(0, Math.min(t0, t1));
  const hi = Math.min(1, Math.max(t0, t1));
  return lo <= hi ? lo : null;
}
