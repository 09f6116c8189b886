/**
 * The symbol fan (src/map/symbol-fan.ts): no two symbols overlap at any zoom of the map, checked
 * independently of the fan's own segment test — screen positions recomputed with Web Mercator at
 * many zooms inside each integer band, the offsets scaled by the icon-size MapLibre evaluates from
 * the layer's own expression.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { Project } from '../../../src/domain/types';
import { FAN_ZOOMS, ICON_PX, MAX_GROUP, bandAt, iconSizeAt, segmentDistance, stackRing, symbolFan, type FanSite, type SymbolFan } from '../../../src/map/symbol-fan';
import { placedSymbols } from '../../../src/map/symbol-sites';
import { projectLayers } from '../../../src/map/project-layers';
import { LAYER_IDS } from '../../../src/map/layer-ids';
import { MAX_ZOOM, MIN_ZOOM } from '../../../src/map/zoom-range';

/** Screen px (512 px tiles) of a place at zoom `z`, written out again here on purpose. */
function screen([lng, lat]: readonly [number, number], z: number): [number, number] {
  const scale = 512 * 2 ** z;
  const phi = (lat * Math.PI) / 180;
  return [((lng + 180) / 360) * scale, ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * scale];
}

/** The zooms a band is drawn at: from its integer zoom to just below the next (the last: only itself). */
function zoomsOfBand(z: number): number[] {
  if (z === MAX_ZOOM) return [z];
  return [...Array.from({ length: 20 }, (_, i) => z + i / 20), z + 0.999];
}

/** Pairs of sites whose symbols overlap (centres closer than a symbol) at some zoom, ignoring crowded ones. */
function overlaps(sites: readonly FanSite[], fan: SymbolFan): string[] {
  const out: string[] = [];
  FAN_ZOOMS.forEach((z, b) => {
    const crowded = new Set(fan.crowded[b]);
    for (const zoom of zoomsOfBand(z)) {
      const s = iconSizeAt(zoom);
      const at = sites.map((site, i) => {
        const [x, y] = screen(site.lngLat, zoom);
        const [ox, oy] = (fan.offsets[i] as [number, number][])[b] as [number, number];
        return [x + ox * s, y + oy * s] as const;
      });
      for (let i = 0; i < sites.length; i++) {
        for (let j = i + 1; j < sites.length; j++) {
          if (crowded.has(i) && crowded.has(j)) continue;
          const d = Math.hypot((at[i] as readonly number[])[0]! - (at[j] as readonly number[])[0]!, (at[i] as readonly number[])[1]! - (at[j] as readonly number[])[1]!);
          if (d < ICON_PX * s - 1e-6) out.push(`${sites[i]?.key}~${sites[j]?.key} at ${zoom.toFixed(3)}: ${d.toFixed(2)} < ${(ICON_PX * s).toFixed(2)}`);
        }
      }
    }
  });
  return out;
}

const site = (key: string, lng: number, lat: number): FanSite => ({ key, lngLat: [lng, lat] });

/** Clusters around a few centres: exact duplicates, near neighbours (metres to kilometres) and loners. */
const sitesArb = fc
  .array(
    fc.record({
      centre: fc.integer({ min: 0, max: 3 }),
      dx: fc.oneof(fc.constant(0), fc.double({ min: -0.08, max: 0.08, noNaN: true })),
      dy: fc.oneof(fc.constant(0), fc.double({ min: -0.08, max: 0.08, noNaN: true })),
    }),
    { minLength: 1, maxLength: 24 },
  )
  .map((rows) => rows.map((r, i) => site(`s${String(i).padStart(2, '0')}`, 104.2 + r.centre * 0.15 + r.dx, 30.3 + r.centre * 0.05 + r.dy)));

describe('iconSizeAt is the layer’s icon-size', () => {
  it('equals the point layer’s own expression, evaluated as MapLibre does, at every zoom', () => {
    const layer = projectLayers('zh').find((l) => l.id === LAYER_IDS.projectPoint);
    const value = layer?.type === 'symbol' ? layer.layout?.['icon-size'] : undefined;
    const spec = (latest as unknown as Record<string, Record<string, unknown>>).layout_symbol?.['icon-size'];
    const parsed = createPropertyExpression(value, 'icon-size', spec as never);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    for (let z = MIN_ZOOM; z <= MAX_ZOOM; z += 0.125) {
      expect(iconSizeAt(z)).toBeCloseTo(parsed.value.evaluate({ zoom: z } as never) as number, 12);
    }
  });

  it('grows far slower than the map (the fan’s one assumption about it)', () => {
    for (let z = MIN_ZOOM; z < MAX_ZOOM; z += 0.05) expect(iconSizeAt(z + 0.05) / iconSizeAt(z)).toBeLessThan(2 ** 0.05);
  });

  it('bands are the integer zooms of the map, clamped', () => {
    expect(FAN_ZOOMS[0]).toBe(MIN_ZOOM);
    expect(FAN_ZOOMS[FAN_ZOOMS.length - 1]).toBe(MAX_ZOOM);
    expect([bandAt(4.2), bandAt(7.47), bandAt(7.999), bandAt(8), bandAt(15), bandAt(16)]).toEqual([0, 2, 2, 3, 10, 10]);
  });
});

describe('segmentDistance', () => {
  it('is the distance from the origin to the nearest point of the segment', () => {
    expect(segmentDistance(-3, 4, 3, 4)).toBeCloseTo(4, 12);
    expect(segmentDistance(3, 4, 6, 8)).toBeCloseTo(5, 12);
    expect(segmentDistance(1, 1, 1, 1)).toBeCloseTo(Math.SQRT2, 12);
    expect(segmentDistance(-1, -1, 1, 1)).toBe(0);
  });
});

describe('stackRing', () => {
  it('keeps every symbol of a stack a symbol apart, clear of the place, inside its radius', () => {
    for (const n of [2, 3, 5, 8, 10, 11, 17, 30, 60]) {
      const { offsets, radius } = stackRing(n);
      expect(offsets).toHaveLength(n);
      for (let i = 0; i < n; i++) {
        const [xi, yi] = offsets[i] as [number, number];
        expect(Math.hypot(xi, yi)).toBeGreaterThanOrEqual(ICON_PX / 2);
        expect(Math.hypot(xi, yi) + ICON_PX / 2).toBeLessThanOrEqual(radius + 1e-9);
        for (let j = i + 1; j < n; j++) {
          const [xj, yj] = offsets[j] as [number, number];
          expect(Math.hypot(xi - xj, yi - yj), `n=${n} ${i}~${j}`).toBeGreaterThanOrEqual(ICON_PX);
        }
      }
    }
  });
});

describe('symbolFan', () => {
  it('no two symbols overlap at any zoom of the map (random clusters)', () => {
    fc.assert(
      fc.property(sitesArb, (sites) => {
        const fan = symbolFan(sites);
        expect(fan.crowded.flat()).toEqual([]);
        expect(overlaps(sites, fan)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('moves nothing where nothing collides', () => {
    // 0.5° apart: clear of each other from the lowest zoom.
    const sites = [site('a', 103.5, 30.2), site('b', 104.0, 30.7), site('c', 104.5, 30.2)];
    expect(symbolFan(sites).offsets.flat().every(([x, y]) => x === 0 && y === 0)).toBe(true);
    // Two places 0.02° apart (14.6 px at zoom 9, 29 px at 10) collide up to zoom 9 and part from 10.
    const pair = symbolFan([site('a', 104.0, 30.5), site('b', 104.02, 30.5)]);
    const moved = (i: number) => FAN_ZOOMS.filter((_, b) => (pair.offsets[i] as [number, number][])[b]!.some((v) => v !== 0));
    expect(moved(0)).toEqual([5, 6, 7, 8, 9]);
    expect(moved(1)).toEqual([5, 6, 7, 8, 9]);
    // A loner far from a cluster is never moved.
    const mixed = [site('x0', 104, 30.5), site('x1', 104, 30.5), site('x2', 104.001, 30.5), site('far', 105.5, 29.5)];
    expect((symbolFan(mixed).offsets[3] as [number, number][]).every(([x, y]) => x === 0 && y === 0)).toBe(true);
  });

  it('draws a stack (several sites on one place) on a ring around one hub at every zoom', () => {
    const sites = ['a', 'b', 'c', 'd'].map((k) => site(k, 104.6, 30.1));
    const fan = symbolFan(sites);
    FAN_ZOOMS.forEach((_, b) => {
      const hubs = fan.hubs.map((h) => h[b] as [number, number]);
      expect(new Set(hubs.map((h) => h.join(','))).size).toBe(1);
      for (let i = 0; i < 4; i++) {
        const [ox, oy] = (fan.offsets[i] as [number, number][])[b] as [number, number];
        const [hx, hy] = hubs[i] as [number, number];
        expect(Math.hypot(ox - hx, oy - hy)).toBeGreaterThanOrEqual(ICON_PX / 2);
      }
    });
    expect(overlaps(sites, fan)).toEqual([]);
  });

  it('is deterministic: the same places by key whatever the input order', () => {
    fc.assert(
      fc.property(sitesArb, fc.nat(), (sites, seed) => {
        const shuffled = [...sites].sort((a, b) => ((a.key.charCodeAt(2) * 31 + seed) % 7) - ((b.key.charCodeAt(2) * 31 + seed) % 7) || (a.key < b.key ? 1 : -1));
        const one = symbolFan(sites);
        const two = symbolFan(shuffled);
        const byKey = (list: FanSite[], fan: SymbolFan) => Object.fromEntries(list.map((s, i) => [s.key, fan.offsets[i]]));
        expect(byKey(shuffled, two)).toEqual(byKey(sites, one));
      }),
      { numRuns: 30 },
    );
  });

  it('leaves a group bigger than MAX_GROUP where it is and says so', () => {
    const sites = Array.from({ length: MAX_GROUP + 1 }, (_, i) => site(`k${i}`, 104 + (i % 9) * 0.004, 30 + Math.floor(i / 9) * 0.004));
    const fan = symbolFan(sites);
    expect(fan.crowded[0]).toHaveLength(MAX_GROUP + 1);
    expect((fan.offsets[0] as [number, number][])[0]).toEqual([0, 0]);
    // …and fans it once it has parted into smaller groups.
    expect(fan.crowded[FAN_ZOOMS.length - 1]).toEqual([]);
  });
});

describe('the committed data', () => {
  const projects = (JSON.parse(readFileSync('data/projects.json', 'utf8')) as { projects: Project[] }).projects;

  it('every symbol is fanned at every zoom (none crowded) and none overlaps another', () => {
    const { sites, fan } = placedSymbols(projects);
    expect(sites.length).toBeGreaterThan(40);
    expect(fan.crowded.flat()).toEqual([]);
    expect(overlaps(sites, fan)).toEqual([]);
  });
});
