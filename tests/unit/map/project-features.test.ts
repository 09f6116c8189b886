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
    expect(set.collection.features.map((f) => [f.properties.part, f.properties.progress])).toEqual([
      ['done', 25],
      ['rest', 25],
      ['whole', 100],
      ['whole', 100],
    ]);
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
