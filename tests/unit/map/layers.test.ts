import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { labelLayers } from '../../../src/map/base-style';
import { BAND_PX_Z0_PER_KM, overlayLayers } from '../../../src/map/project-layers';
import { atlasStyle } from '../../../src/map/atlas-style';
import { LAYER_IDS } from '../../../src/map/layer-ids';
import { LANGS } from '../../../src/i18n/translate';
import type { BaseMapData } from '../../../src/data/load-base-map';

const empty = { type: 'FeatureCollection' as const, features: [] };
const data: BaseMapData = { counties: empty, cities: empty, labels: empty, water: empty };

function fullStyle(lang: (typeof LANGS)[number]): StyleSpecification {
  return atlasStyle(data, null, { lang });
}

describe('map layers are valid style-spec data', () => {
  for (const lang of LANGS) {
    it(`atlasStyle validates for lang=${lang}`, () => {
      const errors = validateStyleMin(fullStyle(lang));
      expect(errors.map((e) => e.message)).toEqual([]);
    });
  }

  it('nothing per feature reads the global state (MapLibre would re-tile the source on a change)', () => {
    for (const layer of fullStyle('en').layers) {
      const perFeature = JSON.stringify([('filter' in layer ? layer.filter : null) ?? null, 'layout' in layer ? (layer.layout ?? null) : null]);
      expect(perFeature, layer.id).not.toContain('global-state');
    }
  });

  it('has no glyph server and no sprite: text is drawn with local fonts', () => {
    const style = fullStyle('zh');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('uses unique layer ids, all from the LAYER_IDS constant', () => {
    const ids = fullStyle('en').layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set<string>(Object.values(LAYER_IDS));
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
  });

  it('labels follow the language', () => {
    const zh = JSON.stringify(labelLayers('zh').map((l) => (l.type === 'symbol' ? l.layout?.['text-field'] : null)));
    const en = JSON.stringify(labelLayers('en').map((l) => (l.type === 'symbol' ? l.layout?.['text-field'] : null)));
    expect(zh).toContain('name_zh');
    expect(zh).not.toContain('name_en');
    expect(en).toContain('name_en');
  });

  it('the corridor band is 2 × within km wide at every zoom (within 1.5 % over the region)', () => {
    const band = overlayLayers('en').find((l) => l.id === LAYER_IDS.corridorBand);
    expect(band?.type).toBe('line');
    const width = band?.type === 'line' ? (band.paint?.['line-width'] as unknown[]) : [];
    const spec = (latest as unknown as Record<string, Record<string, unknown>>).paint_line?.['line-width'];
    const parsed = createPropertyExpression(width, 'layers[corridor-band].paint.line-width', spec as never);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    // Evaluated as MapLibre does, with the global state withinKm = 5: at zoom 10, 10 km must span
    // 10 000 m / (metres per pixel at 30.6° N).
    const px = parsed.value.evaluate({ zoom: 10, globalState: { withinKm: 5 } } as never) as number;
    const metresPerPxZ10 = (40_075_016.686 * Math.cos((30.6 * Math.PI) / 180)) / 512 / 2 ** 10;
    expect(Math.abs((px * metresPerPxZ10) / 10_000 - 1)).toBeLessThan(1e-9);
    expect(parsed.value.evaluate({ zoom: 10, globalState: { withinKm: 0 } } as never)).toBe(0);
    expect(px).toBeCloseTo(BAND_PX_Z0_PER_KM * 5 * 2 ** 10, 6);
    // Latitude error over the region (29.4°–31.7° N) stays small.
    const worst = Math.max(...[29.4, 31.7].map((lat) => Math.abs(Math.cos((lat * Math.PI) / 180) / Math.cos((30.6 * Math.PI) / 180) - 1)));
    expect(worst).toBeLessThan(0.015);
  });
});
