/**
 * MapLibre compiles one GPU program per layer type and per split of its data-driven paint
 * properties into per-feature attributes and per-layer uniforms. The first view's overlay and
 * project layers are written so they share programs (src/map/per-feature.ts); this test works
 * out each layer's split with the style-spec's own expression parser, as MapLibre does, and fails
 * if a change would add a program variant to the first view.
 */
import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { baseLayers } from '../../../src/map/base-style';
import { overlayLayers, projectLayers } from '../../../src/map/project-layers';
import { LAYER_IDS } from '../../../src/map/layer-ids';
import { perFeature, withAlpha } from '../../../src/map/per-feature';

type Spec = Record<string, { 'property-type'?: string }>;

/** "a_" (per feature) or "u_" (per layer) for every data-driven paint property of the layer. */
function programKey(layer: LayerSpecification): string {
  const specs = (latest as unknown as Record<string, Spec>)[`paint_${layer.type}`] ?? {};
  const paint = ('paint' in layer ? layer.paint : undefined) as Record<string, unknown> | undefined;
  // u_: one value per layer; a_: per feature; z_: per feature and zoom (three program variants).
  const kindOf = (name: string): 'a' | 'u' | 'z' => {
    const value = paint?.[name];
    // An unset fill outline colour is drawn with the fill colour (MapLibre's fill layer rule).
    if (value === undefined) return name === 'fill-outline-color' ? kindOf('fill-color') : 'u';
    const spec = specs[name];
    if (!spec) throw new Error(`no style-spec entry for ${name}`);
    const parsed = createPropertyExpression(value, name, spec as never);
    if (parsed.result !== 'success') throw new Error(`${layer.id}.${name}: ${JSON.stringify(parsed.value)}`);
    return parsed.value.kind === 'source' ? 'a' : parsed.value.kind === 'composite' ? 'z' : 'u';
  };
  const parts = Object.entries(specs)
    .filter(([, s]) => s['property-type'] === 'data-driven' || s['property-type'] === 'cross-faded-data-driven')
    .map(([name]) => `${kindOf(name)}_${name}`)
    .sort();
  return `${layer.type}/${parts.join('/')}`;
}

const firstView = (): LayerSpecification[] => [...baseLayers(), ...overlayLayers('zh'), ...projectLayers('zh')];

describe('GPU programs of the first view', () => {
  it('reads per-feature and per-layer values as MapLibre does (the check itself)', () => {
    const constant: LayerSpecification = { id: 'c', type: 'line', source: 's', paint: { 'line-color': '#123456' } };
    const dataDriven: LayerSpecification = { id: 'd', type: 'line', source: 's', paint: { 'line-color': perFeature('#123456') } };
    expect(programKey(constant)).toContain('u_line-color');
    expect(programKey(dataDriven)).toContain('a_line-color');
    expect(programKey(constant)).not.toBe(programKey(dataDriven));
  });

  it('all fills share the region fill’s program, and none needs the outline program', () => {
    const fills = firstView().filter((l) => l.type === 'fill');
    expect(fills.map((l) => l.id)).toEqual(expect.arrayContaining([LAYER_IDS.cityFill, LAYER_IDS.lakes, LAYER_IDS.zoneFill, LAYER_IDS.projectFill]));
    const keys = new Set(fills.map(programKey));
    expect([...keys]).toEqual([programKey(fills.find((l) => l.id === LAYER_IDS.cityFill) as LayerSpecification)]);
    // fill-antialias defaults to true, which draws each fill's edge with a second program.
    expect(fills.filter((l) => l.type === 'fill' && l.paint?.['fill-antialias'] !== false).map((l) => l.id)).toEqual([]);
  });

  it('every line of the first view — borders, rivers, zones, corridors, projects — shares one program', () => {
    const lines = firstView().filter((l) => l.type === 'line' && l.id !== LAYER_IDS.corridorBand);
    expect(lines.map((l) => l.id)).toEqual(expect.arrayContaining([LAYER_IDS.countyBorder, LAYER_IDS.cityBorder, LAYER_IDS.rivers, LAYER_IDS.zoneLine, LAYER_IDS.corridorLine, LAYER_IDS.projectLine]));
    expect([...new Set(lines.map(programKey))]).toHaveLength(1);
  });

  it('withAlpha writes the colour with its opacity and rejects what it cannot read', () => {
    expect(withAlpha('#f2b134', 0.4)).toBe('rgba(242, 177, 52, 0.4)');
    expect(() => withAlpha('red', 0.5)).toThrow(/#rrggbb/);
  });
});
