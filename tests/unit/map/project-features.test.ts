import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPropertyExpression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import type { Atlas, Milestone, Project, ProjectAnalysis, Status } from '../../../src/domain/types';
import { CATEGORIES, CITY_IDS, STATUSES } from '../../../src/domain/types';
import { DEFAULT_FILTERS, filterProjects, type ProjectFilters } from '../../../src/domain/filter-projects';
import { isoOfDay, stateOn, dayNumber, firstStaleDay } from '../../../src/domain/state-intervals';
import { projectFeatureSet, shownFeatureFlags, changedFlags, type ProjectFeature } from '../../../src/map/project-features';
import { projectLayers } from '../../../src/map/project-layers';
import { labelEmPerOffsetPx } from '../../../src/map/project-features';
import { placedSymbols } from '../../../src/map/symbol-sites';
import { FAN_ZOOMS } from '../../../src/map/symbol-fan';
import { LAYER_IDS } from '../../../src/map/layer-ids';
import { LEADER_STYLE, SPOKE_LEFT_PX } from '../../../src/theme/leader-symbol';
import { STALE_OPACITY } from '../../../src/theme/palette';

function milestone(date: string, status: Status, progress: number | null, evidence: Milestone['evidence'] = 'report'): Milestone {
  const base = { date, note_zh: 'x', note_en: 'x', source: 's', quote: 'q' };
  // A plan item carries only what it aims for (the data's evidence rule).
  return evidence === 'plan' ? { ...base, evidence, aims_for: status } : { ...base, evidence, status, progress };
}
function project(id: string, geometry: Project['geometry'], milestones: Milestone[], patch: Partial<Project> = {}): Project {
  return {
    id, name_zh: id, name_en: id, aliases: [], category: 'rail', cities: ['chengdu'], counties: [], facts: [], targets: [],
    milestones, geometry, geometry_accuracy: geometry ? 'schematic' : null, ...patch,
  };
}
const atlasOf = (projects: Project[], analysis = new Map<string, ProjectAnalysis>()): Atlas =>
  ({ projects, analysis, corridors: [], zones: [], sources: [], counties: new Map() }) as unknown as Atlas;

const line: Project['geometry'] = { type: 'LineString', coordinates: [[104.0, 30.5], [104.2, 30.5], [104.4, 30.5]] };
const point: Project['geometry'] = { type: 'Point', coordinates: [104, 30.6] };

describe('projectFeatureSet: one feature per project and interval of drawn state', () => {
  it('leaves out projects without geometry and the time before their first status', () => {
    const set = projectFeatureSet(atlasOf([
      project('a', null, [milestone('2021-01-01', 'planned', null)]),
      project('c', point, [milestone('2021-01-01', 'planned', null), milestone('2021-06-01', 'complete', 100)]),
    ]));
    const props = set.collection.features.map((f) => f.properties);
    expect(props.map((p) => [p.id, p.status])).toEqual([['c', 'planned'], ['c', 'complete'], ['c', 'complete']]);
    expect(props[0]?.from).toBe(dayNumber('2021-01-01'));
    expect(props[0]?.to).toBe(dayNumber('2021-06-01'));
    expect(props[2]?.from).toBe(dayNumber('2022-06-02'));
    expect(props[2]?.to).toBe(1e9);
    // The third interval: no report for over 12 months → stale (same status, drawn faded).
    expect(props.map((p) => p.stale)).toEqual([false, false, true]);
    expect(set.collection.features.map((f) => f.id)).toEqual([0, 1, 2]);
    expect(set.byProject.get('c')).toEqual([0, 1, 2]);
  });

  it('splits a line with partial progress into the built share and the rest, per interval', () => {
    const set = projectFeatureSet(atlasOf([project('b', line, [milestone('2021-01-01', 'under-construction', 25), milestone('2021-06-01', 'complete', 100)])]));
    expect(set.collection.features.map((f) => [f.properties.part, f.properties.progress, f.geometry.type])).toEqual([
      ['done', 25, 'MultiLineString'],
      ['rest', 25, 'MultiLineString'],
      // The line's symbol, at the centre of the whole line (whatever the progress).
      ['icon', 25, 'Point'],
      ['whole', 100, 'LineString'],
      ['icon', 100, 'Point'],
      ['whole', 100, 'LineString'],
      ['icon', 100, 'Point'],
    ]);
    const icon = set.collection.features[2] as ProjectFeature;
    expect(icon.geometry).toEqual({ type: 'Point', coordinates: [expect.closeTo(104.2, 9), expect.closeTo(30.5, 9)] });
  });

  it('is computed once per atlas', () => {
    const atlas = atlasOf([project('c', point, [milestone('2021-01-01', 'planned', null)])]);
    expect(projectFeatureSet(atlas)).toBe(projectFeatureSet(atlas));
  });

  it('changedFlags lists exactly the ids whose flag differs', () => {
    expect(changedFlags(Uint8Array.from([0, 1, 1, 0]), Uint8Array.from([1, 1, 0, 0]))).toEqual([0, 2]);
  });
});

// ---- One truth, two renderings: the map's "shown" (the style's own filter and paint expressions,
// evaluated by the style-spec's evaluator on the features with the owner's feature-state) equals
// the domain's filterProjects + stateOn, for random projects, filters and dates.

type Evaluate = (f: ProjectFeature, state: Record<string, unknown>) => { drawn: boolean; opacity: number };

function layerEvaluator(layer: LayerSpecification, opacityProperty: string): Evaluate {
  const filter = featureFilter((layer as { filter?: unknown }).filter as never, `layers[${layer.id}].filter`);
  const paint = (layer as { paint: Record<string, unknown> }).paint;
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`]?.[opacityProperty];
  const parsed = createPropertyExpression(paint[opacityProperty], `layers[${layer.id}].paint.${opacityProperty}`, spec as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const expr = parsed.value;
  return (f, state) => {
    const gtype = f.geometry.type.replace('Multi', '');
    const vt = { type: gtype === 'Point' ? 1 : gtype === 'LineString' ? 2 : 3, properties: f.properties, id: f.id, geometry: [] } as never;
    const globals = { zoom: 10 } as never;
    if (!filter.filter(globals, vt)) return { drawn: false, opacity: 0 };
    const opacity = expr.evaluate(globals, vt, state) as number;
    return { drawn: true, opacity };
  };
}

const layers = projectLayers('zh');
const byId = (id: string) => layers.find((l) => l.id === id) as LayerSpecification;
const evaluators: Evaluate[] = [
  layerEvaluator(byId('project-point'), 'icon-opacity'),
  layerEvaluator(byId('project-line'), 'line-opacity'),
  layerEvaluator(byId('project-outline'), 'line-opacity'),
];

const geometries: Project['geometry'][] = [
  point,
  line,
  { type: 'Polygon', coordinates: [[[104, 30], [104.1, 30], [104.1, 30.1], [104, 30]]] },
  null,
];
const dateArb = fc.integer({ min: dayNumber('2018-01-01'), max: dayNumber('2027-12-31') }).map(isoOfDay);
const milestoneArb = fc.record({
  date: dateArb,
  status: fc.constantFrom(...STATUSES),
  progress: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
  evidence: fc.constantFrom('report' as const, 'plan' as const, 'public' as const),
});
const projectArb = (i: number) =>
  fc.record({
    geometry: fc.constantFrom(...geometries),
    category: fc.constantFrom(...CATEGORIES),
    city: fc.constantFrom(...CITY_IDS),
    milestones: fc.array(milestoneArb, { maxLength: 5 }),
    zone: fc.boolean(),
    km: fc.double({ min: 0, max: 30, noNaN: true }),
  }).map((r) => ({
    project: project(
      `p${i}`,
      r.geometry,
      [...r.milestones].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((m) => milestone(m.date, m.status, m.progress, m.evidence)),
      { category: r.category, cities: [r.city] },
    ),
    analysis: { distances_km: { c1: r.km }, chainage_km: { c1: 0 }, zones: r.zone ? ['z1'] : [] } as ProjectAnalysis,
  }));
const filtersArb: fc.Arbitrary<ProjectFilters> = fc.record({
  categories: fc.subarray([...CATEGORIES]),
  statuses: fc.subarray([...STATUSES]),
  cities: fc.subarray([...CITY_IDS]),
  zoneId: fc.constantFrom(null, 'z1'),
  withinKm: fc.constantFrom(null, 5, 20),
  evidence: fc.constantFrom('all' as const, 'observed' as const),
}).map((f) => ({ ...DEFAULT_FILTERS, ...f, counties: [], corridorId: f.withinKm === null ? null : 'c1' }));

describe('the map shows exactly what the domain says is on the map on the date', () => {
  it('for random projects, filters and dates (style expressions evaluated with the owner’s feature-state)', () => {
    fc.assert(
      fc.property(fc.tuple(...Array.from({ length: 8 }, (_, i) => projectArb(i))), filtersArb, dateArb, fc.nat(), (entries, filters, randomDate, pick) => {
        // Half the time a day where some interval starts (a milestone, or the day a status turns stale).
        const edges = entries.flatMap((e) => e.project.milestones.flatMap((m) => [m.date, isoOfDay(firstStaleDay(m.date))]));
        const date = pick % 2 === 0 && edges.length > 0 ? (edges[pick % edges.length] as string) : randomDate;
        const atlas = atlasOf(entries.map((e) => e.project), new Map(entries.map((e) => [e.project.id, e.analysis])));
        const set = projectFeatureSet(atlas);
        const visible = filterProjects(atlas.projects, atlas.analysis, filters, date);
        const flags = shownFeatureFlags(set, new Set(visible.map((p) => p.id)), date);

        // What the map draws: per project, the features some layer draws with an opacity > 0.
        const drawn = new Map<string, { status: string; opacity: number }>();
        for (const f of set.collection.features) {
          for (const evaluate of evaluators) {
            const r = evaluate(f, { shown: flags[f.id] === 1 });
            if (!r.drawn || r.opacity <= 0 || f.properties.part === 'rest') continue;
            // One interval of a project on a date, never two.
            expect(drawn.has(f.properties.id)).toBe(false);
            drawn.set(f.properties.id, { status: f.properties.status, opacity: r.opacity });
          }
        }
        // What the domain says: passes the filters, has a published location and a status on the date.
        const expected = new Map<string, { status: string; opacity: number }>();
        for (const p of visible) {
          const s = stateOn(p, date);
          if (!p.geometry || s.status === null) continue;
          expected.set(p.id, { status: s.status, opacity: s.stale ? STALE_OPACITY : 1 });
        }
        expect(Object.fromEntries(drawn)).toEqual(Object.fromEntries(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('selected or hovered projects are drawn clear even when stale', () => {
    const set = projectFeatureSet(atlasOf([project('s', point, [milestone('2020-01-01', 'under-construction', null)])]));
    const stale = set.collection.features.find((f) => f.properties.stale) as ProjectFeature;
    const evaluate = evaluators[0] as Evaluate;
    expect(evaluate(stale, { shown: true }).opacity).toBe(STALE_OPACITY);
    expect(evaluate(stale, { shown: true, selected: true }).opacity).toBe(1);
    expect(evaluate(stale, { shown: false, selected: true }).opacity).toBe(0);
  });
});

// ---- Symbols that the fan moves (symbol-fan.ts): the features carry the offsets and leaders, and
// the layers' own expressions, evaluated as MapLibre does, draw them there.

describe('moved symbols and their leaders', () => {
  const stack = (id: string) => project(id, { type: 'Point', coordinates: [104.6, 30.1] }, [milestone('2021-01-01', 'planned', null)]);
  const atlas = atlasOf([
    stack('s1'),
    stack('s2'),
    stack('s3'),
    project('far', { type: 'Point', coordinates: [105.6, 29.5] }, [milestone('2021-01-01', 'planned', null)]),
    // A line whose centre is on the stack's place, and a MultiPoint with one point there too.
    project('ln', { type: 'LineString', coordinates: [[104.5, 30.1], [104.7, 30.1]] }, [milestone('2021-01-01', 'complete', 100)]),
    project('mp', { type: 'MultiPoint', coordinates: [[104.6, 30.1], [103.2, 31.4]] }, [milestone('2021-01-01', 'planned', null)]),
    project('never', { type: 'Point', coordinates: [104.6, 30.1] }, []),
  ]);
  const set = projectFeatureSet(atlas);
  const placed = placedSymbols(atlas.projects);
  // The first interval of each (all start on 2021-01-01; the later ones are the stale stretches).
  const symbols = (set.collection.features as ProjectFeature[]).filter((f) => f.geometry.type === 'Point' && f.properties.from === dayNumber('2021-01-01'));
  const siteOf = (f: ProjectFeature) => {
    const ids = placed.byProject.get(f.properties.id) ?? [];
    const [lng, lat] = (f.geometry as { coordinates: number[] }).coordinates as [number, number];
    return ids.find((i) => placed.sites[i]?.lngLat[0] === lng && placed.sites[i]?.lngLat[1] === lat) as number;
  };
  const expr = (layerId: string, kind: 'layout' | 'paint', name: string) => {
    const layer = projectLayers('en').find((l) => l.id === layerId) as unknown as Record<string, Record<string, unknown> | undefined>;
    const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`${kind}_symbol`]?.[name];
    const parsed = createPropertyExpression(layer[kind]?.[name], `${layerId}.${name}`, spec as never);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    return (f: ProjectFeature, zoom: number, state: Record<string, unknown> = {}) =>
      parsed.value.evaluate({ zoom } as never, { type: 1, properties: f.properties, id: f.id, geometry: [] } as never, state);
  };
  const filterOf = (layerId: string) => {
    const layer = projectLayers('en').find((l) => l.id === layerId) as LayerSpecification & { filter: unknown };
    const filter = featureFilter(layer.filter as never, `layers[${layerId}].filter`);
    return (f: ProjectFeature) => filter.filter({ zoom: 7 } as never, { type: 1, properties: f.properties, id: f.id, geometry: [] } as never);
  };

  it('one symbol feature per point and per line centre, per interval; a project never drawn has none', () => {
    expect(symbols.map((f) => [f.properties.id, f.properties.part])).toEqual([
      ['s1', 'whole'], ['s2', 'whole'], ['s3', 'whole'], ['far', 'whole'], ['ln', 'icon'], ['mp', 'whole'], ['mp', 'whole'],
    ]);
    expect(placed.sites.map((s) => s.key)).toEqual(['s1#p0', 's2#p0', 's3#p0', 'far#p0', 'ln#l0', 'mp#p0', 'mp#p1']);
  });

  it('a feature is `moved` (and drawn by the leader layers) exactly when its symbol is moved at some zoom', () => {
    const leader = filterOf(LAYER_IDS.projectLeader);
    const spoke = filterOf(LAYER_IDS.projectSpoke);
    for (const f of symbols) {
      const offsets = placed.fan.offsets[siteOf(f)] as Array<[number, number]>;
      const moved = offsets.some(([x, y]) => x !== 0 || y !== 0);
      expect(f.properties.moved === true, f.properties.id).toBe(moved);
      expect(leader(f)).toBe(moved);
      expect(spoke(f)).toBe(moved);
      FAN_ZOOMS.forEach((z, b) => {
        const [ox, oy] = offsets[b] as [number, number];
        const here = ox !== 0 || oy !== 0;
        expect(f.properties[`lead${z}`] !== undefined, `${f.properties.id} lead${z}`).toBe(here);
        if (here) expect([f.properties[`ox${z}`], f.properties[`oy${z}`]]).toEqual([ox, oy]);
      });
    }
    // The five on one place are moved at every zoom; the far ones never.
    expect(symbols.filter((f) => f.properties.moved).map((f) => f.properties.id)).toEqual(['s1', 's2', 's3', 'ln', 'mp']);
  });

  it('the layers put each symbol, its leader and its spoke where the fan says, at every zoom', () => {
    const point = expr(LAYER_IDS.projectPoint, 'layout', 'icon-offset');
    const lineSymbol = expr(LAYER_IDS.projectLineSymbol, 'layout', 'icon-offset');
    const leadImage = expr(LAYER_IDS.projectLeader, 'layout', 'icon-image');
    const leadTurn = expr(LAYER_IDS.projectLeader, 'layout', 'icon-rotate');
    const spokeImage = expr(LAYER_IDS.projectSpoke, 'layout', 'icon-image');
    const spokeTurn = expr(LAYER_IDS.projectSpoke, 'layout', 'icon-rotate');
    const spokeShift = expr(LAYER_IDS.projectSpoke, 'layout', 'icon-offset');
    const turn = ([x, y]: number[], deg: number) => {
      const t = (deg * Math.PI) / 180;
      return [Math.cos(t) * (x as number) - Math.sin(t) * (y as number), Math.sin(t) * (x as number) + Math.cos(t) * (y as number)];
    };
    const lengthOf = (image: unknown) => Number(/-(\d+)$/.exec(String((image as { name?: string })?.name ?? image))?.[1] ?? NaN);
    for (const f of symbols) {
      const site = siteOf(f);
      FAN_ZOOMS.forEach((z, b) => {
        const offset = (placed.fan.offsets[site] as Array<[number, number]>)[b] as [number, number];
        const hub = (placed.fan.hubs[site] as Array<[number, number]>)[b] as [number, number];
        for (const zoom of [z, z + 0.5]) {
          const drawn = (f.properties.part === 'icon' ? lineSymbol : point)(f, zoom) as number[];
          expect(drawn, `${f.properties.id} at ${zoom}`).toEqual(offset);
          if (!f.properties.moved) continue;
          const image = leadImage(f, zoom);
          if (offset[0] === 0 && offset[1] === 0) {
            expect(image).toBeNull();
            continue;
          }
          // The tail runs from the place to the hub (to a lone symbol: to under its rim).
          const lone = hub[0] === offset[0] && hub[1] === offset[1];
          const tailEnd = turn([lengthOf(image) + (lone ? LEADER_STYLE.endInsetPx : 0), 0], leadTurn(f, zoom) as number);
          expect(Math.hypot((tailEnd[0] as number) - hub[0], (tailEnd[1] as number) - hub[1])).toBeLessThan(1);
          const spoke = spokeImage(f, zoom);
          if (lone) {
            expect(spoke).toBeNull();
            continue;
          }
          // The spoke starts on the hub once turned (MapLibre turns the offset with the image) and ends under the symbol's rim.
          const shift = spokeShift(f, zoom) as number[];
          const start = turn([(shift[0] as number) + SPOKE_LEFT_PX, shift[1] as number], spokeTurn(f, zoom) as number);
          expect(Math.hypot((start[0] as number) - hub[0], (start[1] as number) - hub[1])).toBeLessThan(0.05);
          const end = turn([(shift[0] as number) + SPOKE_LEFT_PX + lengthOf(spoke) + LEADER_STYLE.endInsetPx, shift[1] as number], spokeTurn(f, zoom) as number);
          expect(Math.hypot((end[0] as number) - offset[0], (end[1] as number) - offset[1])).toBeLessThan(1);
        }
      });
    }
  });

  it('a point’s name moves with its symbol (from the zoom names show)', () => {
    const anchors = expr(LAYER_IDS.projectPoint, 'layout', 'text-variable-anchor-offset');
    const moved = symbols.find((f) => f.properties.id === 's1') as ProjectFeature;
    const still = symbols.find((f) => f.properties.id === 'far') as ProjectFeature;
    const values = (f: ProjectFeature, zoom: number) => (anchors(f, zoom) as { values: unknown[] }).values;
    expect(values(still, 10)).toEqual(['top', [0, 1.1], 'bottom', [0, -1.1], 'left', [1.1, 0], 'right', [-1.1, 0]]);
    const [ox, oy] = [moved.properties.ox10 as number, moved.properties.oy10 as number];
    const k = labelEmPerOffsetPx(10);
    const top = values(moved, 10.5)[1] as number[];
    expect(top[0]).toBeCloseTo(ox * k, 9);
    expect(top[1]).toBeCloseTo(oy * k + 1.1, 9);
  });

  it('leaders follow `shown` (hidden with their project) and the stale fading', () => {
    const opacity = expr(LAYER_IDS.projectLeader, 'paint', 'icon-opacity');
    const f = symbols.find((x) => x.properties.id === 's1') as ProjectFeature;
    expect(opacity(f, 7, { shown: false })).toBe(0);
    expect(opacity(f, 7, { shown: true })).toBe(f.properties.stale ? STALE_OPACITY : 1);
    expect(expr(LAYER_IDS.projectSpoke, 'paint', 'icon-opacity')(f, 7, { shown: false })).toBe(0);
  });
});
