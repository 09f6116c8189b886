import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { distance } from '@turf/turf';
import { gcj02ToWgs84, gridToWgs84, HALF_CELL_DEG } from '../../../src/cli/region-datum';

describe('gridToWgs84', () => {
  // A vertex of 青羊区 in the source: 104.0625°, 30.669921875° (grid 106560, 31406), GCJ-02.
  const grid = [106560, 31406] as const;
  const wgs = gridToWgs84(grid);

  it('shifts half a cell south-west before converting (golden value)', () => {
    expect(HALF_CELL_DEG).toBe(1 / 2048);
    expect(wgs[0]).toBeCloseTo(104.059516285, 8);
    expect(wgs[1]).toBeCloseTo(30.671858718, 8);
  });

  it('equals gcoord on the shifted point, not on the raw vertex', () => {
    const shifted = gcj02ToWgs84([104.0625 - 1 / 2048, 30.669921875 - 1 / 2048]);
    expect(wgs).toEqual(shifted);
    const unshifted = gcj02ToWgs84([104.0625, 30.669921875]);
    expect(distance(wgs, unshifted, { units: 'meters' })).toBeGreaterThan(60);
  });

  it('moves the vertex by the local GCJ-02 offset plus half a cell (300–500 m here)', () => {
    const metres = distance([104.0625, 30.669921875], wgs, { units: 'meters' });
    expect(metres).toBeGreaterThan(300);
    expect(metres).toBeLessThan(500);
  });

  it('round-trips through WGS-84 → GCJ-02 to within 0.5 m', () => {
    const back = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    expect(distance(back, [104.0625 - 1 / 2048, 30.669921875 - 1 / 2048], { units: 'meters' })).toBeLessThan(0.5);
  });
});
