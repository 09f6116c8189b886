/**
 * From the source's grid to WGS-84.
 *
 * The source is GCJ-02 (the Chinese obfuscated datum) quantised to a 1/1024° grid whose points sit
 * half a cell north-east of the values they stand for. Per vertex: shift back half a cell
 * (`lon -= 1/2048; lat -= 1/2048`), then convert GCJ-02 → WGS-84 with `gcoord`. The GCJ-02 offset
 * varies across the region (303–464 m), so it is never one constant shift.
 */
import gcoord from 'gcoord';
import { GRID_CELLS_PER_DEG, type GridPoint } from './region-grid';

/** Half a grid cell in degrees (≈ 47 m east, 54 m north here). */
export const HALF_CELL_DEG = 1 / (2 * GRID_CELLS_PER_DEG);

/** GCJ-02 [lon, lat] → WGS-84 [lon, lat] (degrees), via gcoord. */
export function gcj02ToWgs84(lonLat: readonly [number, number]): [number, number] {
  const [lon, lat] = gcoord.transform([lonLat[0], lonLat[1]], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return [lon, lat];
}

/**
 * A grid point of the source → WGS-84 [lon, lat] in degrees.
 * @example gridToWgs84([106560, 31406]) // ≈ [104.05952, 30.67186] (source vertex 104.0625°, 30.669921875° GCJ-02)
 */
export function gridToWgs84(p: GridPoint): [number, number] {
  return gcj02ToWgs84([p[0] / GRID_CELLS_PER_DEG - HALF_CELL_DEG, p[1] / GRID_CELLS_PER_DEG - HALF_CELL_DEG]);
}
