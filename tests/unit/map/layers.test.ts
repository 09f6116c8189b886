import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { baseStyle, labelLayers } from '../../../src/map/base-style';
import { overlayLayers, projectLayers } from '../../../src/map/project-layers';
import { LAYER_IDS, SOURCE_IDS } from '../../../src/map/layer-ids';
import { LANGS } from '../../../src/i18n/translate';
import type { BaseMapData } from '../../../src/data/load-base-map';

const empty = { type: 'FeatureCollection' as const, features: [] };
const data: BaseMapData = { counties: empty, cities: empty, labels: empty, water: empty };

function fullStyle(lang: (typeof LANGS)[number], band: { corridorId: string; withinKm: number } | null): StyleSpecification {
  const base = baseStyle(data, lang);
  for (const id of [SOURCE_IDS.projects, SOURCE_IDS.corridors, SOURCE_IDS.zones, SOURCE_IDS.stations]) {
    base.sources[id] = { type: 'geojson', data: empty, promoteId: 'id' };
  }
  base.layers.push(...overlayLayers(lang, band), ...projectLayers(lang));
  return base;
}

describe('map layers are valid style-spec data', () => {
  for (const lang of LANGS) {
    for (const band of [null, { corridorId: 'belt-chengzi-airport', withinKm: 5 }]) {
      it(`validates for lang=${lang}, band=${band ? 'on' : 'off'}`, () => {
        const errors = validateStyleMin(fullStyle(lang, band));
        expect(errors.map((e) => e.message)).toEqual([]);
      });
    }
  }

  it('has no glyph server and no sprite: text is drawn with local fonts', () => {
    const style = fullStyle('zh', null);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('uses unique layer ids, all from the LAYER_IDS constant', () => {
    const ids = fullStyle('en', null).layers.map((l) => l.id);
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
    const band = overlayLayers('en', { corridorId: 'c', withinKm: 5 }).find((l) => l.id === LAYER_IDS.corridorBand);
    expect(band?.type).toBe('line');
    const width = band?.type === 'line' ? (band.paint?.['line-width'] as unknown[]) : [];
    const pxAtZ0 = width[4] as number;
    // At zoom 10, 10 km must span 10 000 m / (metres per pixel at 30.6° N).
    const metresPerPxZ10 = (40_075_016.686 * Math.cos((30.6 * Math.PI) / 180)) / 512 / 2 ** 10;
    expect(Math.abs((pxAtZ0 * 2 ** 10 * metresPerPxZ10) / 10_000 - 1)).toBeLessThan(1e-9);
    // Latitude error over the region (29.4°–31.7° N) stays small.
    const worst = Math.max(...[29.4, 31.7].map((lat) => Math.abs(Math.cos((lat * Math.PI) / 180) / Math.cos((30.6 * Math.PI) / 180) - 1)));
    expect(worst).toBeLessThan(0.015);
  });
});
