/**
 * Outline fit against an independent WGS-84 reference: the Tianditu county boundaries in
 * ../shared/facts/reference/ (CGCS2000 ≈ WGS-84, heavily simplified: its vertices lie on the
 * true border, its straight segments do not). For every reference vertex we measure the distance
 * to our boundary of the same county. The reference is not part of the project, so this suite
 * runs only where ../shared is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coordEach, lineString, nearestPointOnLine } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';

const ROOT = join(import.meta.dirname, '../../..');
const REFERENCE = join(ROOT, '../shared/facts/reference/counties-tianditu.geojson');
const present = existsSync(REFERENCE);
if (!present) console.info(`region-reference: skipped, the Tianditu reference ${REFERENCE} is not present (it lives outside the project)`);

interface Fit {
  code: string;
  medianM: number;
  meanM: number;
  offsets: [number, number][];
  distances: number[];
}

function measure(): Fit[] {
  const ours = JSON.parse(readFileSync(join(ROOT, 'data/counties.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  const ref = JSON.parse(readFileSync(REFERENCE, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { adcode: string }>;
  return ref.features.map((r) => {
    const county = ours.features.find((f) => f.properties.code === r.properties.adcode);
    if (!county) throw new Error(`counties.geojson: county ${r.properties.adcode} missing`);
    const polygons = county.geometry.type === 'Polygon' ? [county.geometry.coordinates] : county.geometry.coordinates;
    const lines: Feature<LineString>[] = polygons.flat().map((ring) => lineString(ring));
    const distances: number[] = [];
    const offsets: [number, number][] = [];
    coordEach(r, (c: Position) => {
      let best = { dist: Infinity, at: c };
      for (const l of lines) {
        const p = nearestPointOnLine(l, c, { units: 'meters' });
        if (p.properties.dist < best.dist) best = { dist: p.properties.dist, at: p.geometry.coordinates };
      }
      distances.push(best.dist);
      const k = Math.cos((c[1]! * Math.PI) / 180);
      offsets.push([(best.at[0]! - c[0]!) * 111_320 * k, (best.at[1]! - c[1]!) * 110_574]);
    });
    const sorted = distances.slice().sort((a, b) => a - b);
    return {
      code: r.properties.adcode,
      medianM: sorted[sorted.length >> 1]!,
      meanM: sorted.reduce((s, v) => s + v, 0) / sorted.length,
      offsets,
      distances,
    };
  });
}

describe.skipIf(!present)('region outlines against the Tianditu WGS-84 reference (needs ../shared)', () => {
  const fits = present ? measure() : [];

  it('covers all 35 counties', () => {
    expect(fits).toHaveLength(35);
  });

  it('each county: median distance of reference vertices to our border < 150 m', () => {
    for (const f of fits) expect(f.medianM, f.code).toBeLessThan(150);
  });

  it('all counties: median < 100 m, mean < 160 m', () => {
    const all = fits.flatMap((f) => f.distances).sort((a, b) => a - b);
    const median = all[all.length >> 1]!;
    const mean = all.reduce((s, v) => s + v, 0) / all.length;
    console.info(`region-reference: ${all.length} reference vertices, median ${median.toFixed(0)} m, mean ${mean.toFixed(0)} m`);
    expect(median).toBeLessThan(100);
    expect(mean).toBeLessThan(160);
  });

  it('no systematic shift: the mean offset vector (vertices within 500 m) is under 30 m', () => {
    const near = fits.flatMap((f) => f.offsets.filter((_, i) => f.distances[i]! < 500));
    const east = near.reduce((s, o) => s + o[0], 0) / near.length;
    const north = near.reduce((s, o) => s + o[1], 0) / near.length;
    expect(Math.hypot(east, north)).toBeLessThan(30);
  });
});
