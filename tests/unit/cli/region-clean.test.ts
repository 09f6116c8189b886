import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanCounties } from '../../../src/cli/region-clean';
import { ringArea2, toGridRing } from '../../../src/cli/region-grid';

const FIXTURES = join(import.meta.dirname, '../../fixtures/region');
const input = JSON.parse(readFileSync(join(FIXTURES, 'clean-in.json'), 'utf8')) as {
  counties: { code: string; rings: number[][][] }[];
};
const raw = input.counties.map((c) => ({ code: c.code, rings: c.rings.map((r, i) => toGridRing(r, `${c.code} ring ${i}`)) }));
const options = { crumbMaxKm2: 0.1, pinholeMaxKm2: 0.5, exclaveCodes: ['B'] };

describe('cleanCounties on tiny counties', () => {
  const { counties, stats } = cleanCounties(raw, options);
  const byCode = new Map(counties.map((c) => [c.code, c]));

  it('counts duplicates, spike vertices and collapsed rings', () => {
    expect(stats.duplicatesRemoved).toBe(1);
    expect(stats.spikesRemoved).toBe(1);
    expect(stats.spikeVerticesRemoved).toBe(2);
    expect(stats.collapsedRings).toBe(1);
    expect(stats.tJunctionsInserted).toBe(2);
  });

  it('merges a part sharing an edge with the body, drops the crumb, keeps the exclave', () => {
    expect(byCode.get('A')!.polygons).toHaveLength(1);
    expect(stats.crumbsDropped.map((d) => d.code)).toEqual(['A']);
    expect(stats.exclavesKept.map((d) => d.code)).toEqual(['B']);
    expect(byCode.get('B')!.polygons).toHaveLength(2);
  });

  it('gives the pinhole to the neighbour with the longest shared border', () => {
    expect(stats.pinholesFilled).toHaveLength(1);
    expect(stats.pinholesFilled[0]!.toCode).toBe('B');
    // A: 10×10 + 5×2 lobe = 110 cells; B: 10×10 main with the pinhole filled back.
    expect(ringArea2(byCode.get('A')!.polygons[0]![0]!) / 2).toBe(110);
    expect(ringArea2(byCode.get('B')!.polygons[0]![0]!) / 2).toBe(100);
  });

  it('matches the golden output', async () => {
    await expect(JSON.stringify({ counties, stats }, null, 1) + '\n').toMatchFileSnapshot(join(FIXTURES, 'clean-out.json'));
  });

  it('drops an unexpected larger detached part and reports where it was', () => {
    const result = cleanCounties(raw, { ...options, exclaveCodes: [] });
    expect(result.stats.partsDropped).toEqual([{ code: 'B', areaKm2: expect.any(Number), at: [104 + 40 / 1024, 30 + 40 / 1024] }]);
  });

  it('fails, naming the county, when a known exclave is missing', () => {
    expect(() => cleanCounties(raw, { ...options, exclaveCodes: ['B', 'C'] })).toThrow('county C: the known exclave is missing from the source');
  });
});
