import type { Position } from 'geojson';

/** `[west, south, east, north]` in degrees. */
export type Bbox = [number, number, number, number];

/**
 * Bounding box of positions (degrees); `[Infinity, Infinity, -Infinity, -Infinity]` for none.
 * Used to skip exact geometry work between shapes whose boxes do not meet.
 * @example bboxOfPositions([[104, 30], [105, 31]]) // [104, 30, 105, 31]
 */
export function bboxOfPositions(points: readonly Position[]): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    const x = p[0] as number;
    const y = p[1] as number;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}
