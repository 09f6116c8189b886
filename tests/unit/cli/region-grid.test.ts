import { describe, expect, it } from 'vitest';
import {
  assemblePolygons,
  cleanRing,
  dedupeRing,
  despikeRing,
  insertTJunctions,
  mergeRingsExact,
  pointInRing,
  ringArea2,
  ringAreaKm2,
  sharedEdgeLength,
  toGridRing,
  type GridRing,
} from '../../../src/cli/region-grid';

const sq = (x: number, y: number, s: number): GridRing => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe('toGridRing', () => {
  it('multiplies by 1024 exactly', () => {
    expect(toGridRing([[104, 30], [104.0009765625, 30.5]], 'f')).toEqual([
      [106496, 30720],
      [106497, 31232],
    ]);
  });
  it('names the place of a vertex off the grid', () => {
    expect(() => toGridRing([[104, 30], [104.0001, 30]], 'city.geojson: feature id 510104: ring 0')).toThrow(
      'city.geojson: feature id 510104: ring 0: vertex 1 [104.0001, 30] is not on the 1/1024° grid',
    );
  });
});

describe('dedupeRing', () => {
  it('removes consecutive duplicates, also across the closing point', () => {
    const { ring, removed } = dedupeRing([[0, 0], [0, 0], [2, 0], [2, 2], [2, 2], [0, 2], [0, 0], [0, 0]]);
    expect(ring).toEqual([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]);
    expect(removed).toBe(3);
  });
});

describe('despikeRing', () => {
  it('removes an A-B-A spike and the duplicate it leaves', () => {
    const { ring, removed } = despikeRing([[0, 0], [4, 0], [4, 4], [6, 6], [4, 4], [0, 4], [0, 0]]);
    expect(ring).toEqual([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]);
    expect(removed).toBe(2);
    expect(despikeRing([[0, 0], [4, 0], [4, 4], [6, 6], [4, 4], [0, 4], [0, 0]]).tips).toBe(1);
  });
  it('removes a multi-vertex spike A-B-C-B-A and a collinear fold-back', () => {
    const spike = despikeRing([[0, 0], [4, 0], [4, 2], [7, 2], [9, 2], [7, 2], [4, 2], [4, 4], [0, 4], [0, 0]]);
    expect(spike.ring).toEqual([[0, 0], [4, 0], [4, 2], [4, 4], [0, 4], [0, 0]]);
    const fold = despikeRing([[0, 0], [4, 0], [6, 0], [5, 0], [5, 3], [0, 3], [0, 0]]);
    expect(ringArea2(fold.ring)).toBe(ringArea2([[0, 0], [5, 0], [5, 3], [0, 3], [0, 0]]));
    expect(fold.ring.some((p) => p[0] === 6)).toBe(false);
  });
  it('keeps a ring without spikes unchanged', () => {
    expect(despikeRing(sq(0, 0, 3))).toEqual({ ring: sq(0, 0, 3), removed: 0, tips: 0 });
  });
});

describe('cleanRing', () => {
  it('reports a ring that collapses to nothing', () => {
    expect(cleanRing([[0, 0], [5, 0], [0, 0]]).collapsed).toBe(true);
    expect(cleanRing([[0, 0], [5, 0], [10, 0], [0, 0]]).collapsed).toBe(true);
    expect(cleanRing(sq(0, 0, 1)).collapsed).toBe(false);
  });
});

describe('areas', () => {
  it('signed area is positive counter-clockwise', () => {
    expect(ringArea2(sq(0, 0, 2))).toBe(8);
    expect(ringArea2(sq(0, 0, 2).reverse())).toBe(-8);
  });
  it('one grid cell at 30°N is about 0.0088 km²', () => {
    const cell = sq(106496, 30720, 1);
    expect(ringAreaKm2(cell)).toBeCloseTo((110.574 / 1024) * ((111.32 * Math.cos(Math.PI / 6)) / 1024), 5);
  });
});

describe('mergeRingsExact', () => {
  it('merges two squares sharing an edge into one ring', () => {
    const { rings } = mergeRingsExact([sq(0, 0, 2), sq(2, 0, 2)]);
    expect(rings).toHaveLength(1);
    expect(ringArea2(rings[0]!)).toBe(16);
    // The shared edge is gone, its end points stay (collinear vertices are kept, exactly).
    expect(rings[0]!.some((p) => p[0] === 2 && p[1] === 1)).toBe(false);
  });
  it('keeps squares touching at one corner as two simple rings', () => {
    const { rings } = mergeRingsExact([sq(0, 0, 2), sq(2, 2, 2)]);
    expect(rings).toHaveLength(2);
    for (const r of rings) expect(new Set(r.slice(0, -1).map(String)).size).toBe(r.length - 1);
  });
  it('turns a ring of four squares around an empty one into an outer ring and a hole', () => {
    const ring = [sq(0, 0, 1), sq(1, 0, 1), sq(2, 0, 1), sq(2, 1, 1), sq(2, 2, 1), sq(1, 2, 1), sq(0, 2, 1), sq(0, 1, 1)];
    const { rings } = mergeRingsExact(ring);
    expect(rings.filter((r) => ringArea2(r) > 0)).toHaveLength(1);
    expect(rings.filter((r) => ringArea2(r) < 0)).toHaveLength(1);
    const polygons = assemblePolygons(rings);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(2);
  });
  it('reports edges present twice in the same direction (overlap)', () => {
    expect(mergeRingsExact([sq(0, 0, 2), sq(0, 0, 2)]).duplicateEdges).toBe(4);
  });
});

describe('insertTJunctions', () => {
  it('inserts a neighbour vertex lying on an edge, so the shared border matches edge for edge', () => {
    const a = sq(0, 0, 4);
    const b: GridRing = [[4, 0], [8, 0], [8, 4], [4, 4], [4, 2], [4, 0]];
    const { rings, inserted } = insertTJunctions([a, b]);
    expect(inserted).toBe(1);
    expect(rings[0]).toContainEqual([4, 2]);
    expect(mergeRingsExact(rings).rings).toHaveLength(1);
  });
});

describe('pointInRing and sharedEdgeLength', () => {
  it('tells inside, boundary and outside exactly', () => {
    expect(pointInRing([1, 1], sq(0, 0, 2))).toBe(1);
    expect(pointInRing([2, 1], sq(0, 0, 2))).toBe(0);
    expect(pointInRing([3, 1], sq(0, 0, 2))).toBe(-1);
  });
  it('measures the common border of two rings in either direction', () => {
    expect(sharedEdgeLength([sq(0, 0, 2)], [sq(2, 0, 2)])).toBe(2);
    expect(sharedEdgeLength([sq(0, 0, 2)], [sq(5, 5, 2)])).toBe(0);
  });
});
