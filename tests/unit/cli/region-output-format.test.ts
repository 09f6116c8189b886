import { describe, expect, it } from 'vitest';
import { normalizeGeometry, rewindPolygon, roundTo, stringifyFeatureCollection } from '../../../src/cli/region-output';

describe('region output formatting', () => {
  it('rounds without negative zero', () => {
    expect(roundTo(-0.0000001, 5)).toBe(0);
    expect(Object.is(roundTo(-0.0000001, 5), 0)).toBe(true);
    expect(roundTo(104.123456789, 5)).toBe(104.12346);
  });

  it('winds exterior rings counter-clockwise and holes clockwise (RFC 7946)', () => {
    const cw = [[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]];
    const ccwHole = [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]];
    const [outer, hole] = rewindPolygon([cw, ccwHole]);
    expect(outer).toEqual(cw.slice().reverse());
    expect(hole).toEqual(ccwHole.slice().reverse());
  });

  it('drops duplicates created by rounding', () => {
    const g = normalizeGeometry({ type: 'LineString', coordinates: [[1.000001, 2], [1.000002, 2], [3, 4]] }, 5);
    expect(g).toEqual({ type: 'LineString', coordinates: [[1, 2], [3, 4]] });
  });

  it('writes one feature per line with keys in a fixed order', () => {
    const text = stringifyFeatureCollection([
      { geometry: { type: 'Point', coordinates: [1, 2] }, properties: { b: 1, a: 2 }, type: 'Feature', id: 'x' },
    ]);
    expect(text).toBe('{"type":"FeatureCollection","features":[\n{"type":"Feature","id":"x","properties":{"b":1,"a":2},"geometry":{"type":"Point","coordinates":[1,2]}}\n]}\n');
  });
});
