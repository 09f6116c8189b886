import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bboxRegionCheck, polygonRegionCheck } from '../../../src/data/project-region-check';

const square = JSON.parse(readFileSync('tests/fixtures/data/region-square.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;

describe('polygonRegionCheck', () => {
  const check = polygonRegionCheck(square, 1.5);

  it('accepts a position inside and one within the tolerance of the border', () => {
    expect(check.locate([104.6, 30.1])).toBeNull();
    // ~1 km east of the eastern edge (1° lon ≈ 96 km at 30° N).
    expect(check.locate([104.81, 30.1])).toBeNull();
  });

  it('says how far outside a position lies', () => {
    expect(check.locate([104.9, 30.1])).toBe('[104.9, 30.1] lies 9.6 km outside the four cities');
  });

  it('recognises swapped lon/lat', () => {
    expect(check.locate([30.1, 104.6])).toMatch(/^\[30\.1, 104\.6\] lies .* km outside the four cities \(looks like \[lat, lon\]: swapped; GeoJSON is \[lon, lat\]\)$/);
  });
});

describe('bboxRegionCheck', () => {
  it('accepts the four cities and rejects Chongqing', () => {
    const check = bboxRegionCheck();
    expect(check.locate([104.06, 30.66])).toBeNull();
    expect(check.locate([106.55, 29.56])).toBe('[106.55, 29.56] is outside the bounding box of the four cities');
  });
});
