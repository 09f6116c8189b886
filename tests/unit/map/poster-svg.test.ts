import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { REGION_BOUNDS, REGION_FIT } from '../../../src/app/region-bounds';
import type { BaseMapData } from '../../../src/data/load-base-map';
import { stateOn } from '../../../src/domain/state-intervals';
import { COUNTY_LABEL_MIN_ZOOM, fitZoom, posterSvg, REFERENCE_SLOT, simplify, slotReachingZoom, STALE_OPACITY } from '../../../src/map/poster-svg';
import { bandAt, ICON_PX, iconSizeAt } from '../../../src/map/symbol-fan';
import { placedSymbols } from '../../../src/map/symbol-sites';
import { LEADER_STYLE } from '../../../src/theme/leader-symbol';
import { smallAtlas } from '../../fixtures/projects/small-atlas';

const ROOT = resolve(import.meta.dirname, '../../..');

/** A tiny region: one square "city" with one county and its labels. */
function region(): BaseMapData {
  const square = { type: 'Polygon' as const, coordinates: [[[103, 30], [105, 30], [105, 31.5], [103, 31.5], [103, 30]]] };
  const labels: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [104, 30.7] }, properties: { level: 'city', name_zh: '成都市', name_en: 'Chengdu' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [104.2, 30.6] }, properties: { level: 'county', name_zh: '<b>县</b>', name_en: 'A & B County' } },
    ],
  };
  return {
    cities: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square, properties: { city: 'chengdu' } }] },
    counties: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square, properties: { code: '510104' } }] },
    labels,
    water: { type: 'FeatureCollection', features: [] },
  };
}

const draw = (date: string) => posterSvg({ region: region(), atlas: smallAtlas(), date, bounds: REGION_BOUNDS, fit: REGION_FIT });

describe('posterSvg', () => {
  it('frames the bounds as MapLibre fitBounds does: viewBox = the bounds in Mercator pixels, meet', () => {
    const svg = draw('2023-12-31');
    const vb = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
    expect(vb).not.toBeNull();
    const [w, h] = [Number(vb![1]), Number(vb![2])];
    // Mercator: the region's height/width ratio is stretched by ~1/cos(latitude) against degrees.
    const degreesRatio = (REGION_BOUNDS[3] - REGION_BOUNDS[1]) / (REGION_BOUNDS[2] - REGION_BOUNDS[0]);
    expect(h / w).toBeGreaterThan(degreesRatio * 1.1);
    expect(h / w).toBeLessThan(degreesRatio * 1.2);
    expect(svg).toContain('preserveAspectRatio="xMidYMid meet"');
    // The fit's zoom grows by one when the slot (minus its padding) doubles.
    const z1 = fitZoom(REGION_BOUNDS, 532, 432, REGION_FIT);
    const z2 = fitZoom(REGION_BOUNDS, 1032, 832, REGION_FIT);
    expect(z2 - z1).toBeCloseTo(1, 6);
  });

  it('draws each located project with a status on the date, stale ones faded, names escaped, both languages', () => {
    const date = '2023-12-31';
    const svg = draw(date);
    const atlas = smallAtlas();
    const shown = atlas.projects.filter((p) => p.geometry && stateOn(p, date).status);
    const uses = svg.match(/<use /g) ?? [];
    // One symbol per point project and per line project (at the line's centre).
    expect(uses.length).toBe(shown.length);
    const stale = shown.filter((p) => stateOn(p, date).stale).length;
    expect((svg.match(new RegExp(`opacity="${STALE_OPACITY}"`, 'g')) ?? []).length).toBeGreaterThanOrEqual(stale);
    expect(svg).toContain('class="poster-label poster-city poster-zh"');
    expect(svg).toContain('>Chengdu<');
    expect(svg).toContain('&lt;b&gt;县&lt;/b&gt;');
    expect(svg).toContain('A &amp; B County');
    expect(svg).not.toMatch(/ style=|<script|<style/);
    // Every symbol names its project (the page hides those its filters leave out).
    const named = uses.length === 0 ? [] : (svg.match(/<use [^>]*data-p="([^"]+)"/g) ?? []);
    expect(named.length).toBe(uses.length);
    for (const p of shown) expect(svg).toContain(`data-p="${p.id}"`);
  });

  it('draws the symbols where the live map does at its zoom: fanned out, never overlapping, each moved one with a leader', () => {
    const date = '2023-12-31';
    const svg = draw(date);
    const atlas = smallAtlas();
    const zoom = fitZoom(REGION_BOUNDS, REFERENCE_SLOT.width, REFERENCE_SLOT.height, REGION_FIT);
    const size = ICON_PX * iconSizeAt(zoom);
    // Centres of the symbols, in the poster's units.
    const centres = [...svg.matchAll(/<use href="#ps-[^"]+" x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)"/g)].map((m) => [Number(m[1]) + Number(m[3]) / 2, Number(m[2]) + Number(m[3]) / 2]);
    expect(centres.length).toBeGreaterThan(3);
    for (const [, , w] of [...svg.matchAll(/<use [^>]*width="([\d.]+)"/g)].map((m) => [0, 0, Number(m[1])])) expect(w).toBeCloseTo(size, 1);
    for (let i = 0; i < centres.length; i++) {
      for (let j = i + 1; j < centres.length; j++) {
        const [a, b] = [centres[i] as number[], centres[j] as number[]];
        expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)).toBeGreaterThanOrEqual(size - 0.2);
      }
    }
    // One leader dot per moved symbol of a project drawn on the date.
    const placed = placedSymbols(atlas.projects);
    const band = bandAt(zoom);
    const drawn = new Set(atlas.projects.filter((p) => p.geometry && stateOn(p, date).status).map((p) => p.id));
    const moved = placed.sites.filter((site, i) => drawn.has(site.projectId) && (placed.fan.offsets[i]?.[band] ?? [0, 0]).some((v) => v !== 0));
    expect(moved.length).toBeGreaterThan(1);
    expect(svg.match(new RegExp(`<circle [^>]*fill="${LEADER_STYLE.color}"`, 'g')) ?? []).toHaveLength(moved.length);
  });

  it('leaves out projects not yet recorded on the date', () => {
    const early = draw('1990-01-01');
    expect(early.match(/<use /g) ?? []).toHaveLength(0);
  });

  it('simplifies lines to the poster resolution, keeping the ends', () => {
    const line: [number, number][] = Array.from({ length: 101 }, (_, i) => [i, i % 2 ? 0.1 : 0]);
    expect(simplify(line, 0.5)).toEqual([[0, 0], [100, 0]]);
    expect(simplify([[0, 0], [5, 3], [10, 0]], 0.5)).toHaveLength(3);
  });

  it("hides county labels in slots where the live map's first view is below their zoom (CSS threshold)", () => {
    const css = readFileSync(resolve(ROOT, 'src/app/map-poster.css'), 'utf8');
    const m = /@container poster \(min-width: (\d+)px\) and \(min-height: (\d+)px\)/.exec(css);
    expect(m).not.toBeNull();
    const slot = slotReachingZoom(REGION_BOUNDS, REGION_FIT, COUNTY_LABEL_MIN_ZOOM);
    expect(Number(m![1])).toBe(Math.ceil(slot.width));
    expect(Number(m![2])).toBe(Math.ceil(slot.height));
    const css16 = /\.map-poster__svg \{[^}]*inset: (\d+)px/.exec(css);
    expect(Number(css16![1])).toBe(REGION_FIT.padding);
  });
});
