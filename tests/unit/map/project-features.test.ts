import { describe, expect, it } from 'vitest';
import type { Project, ProjectState, Status } from '../../../src/domain/types';
import { projectFeatures, projectFeaturesKey } from '../../../src/map/project-features';

function project(id: string, geometry: Project['geometry'], category: Project['category'] = 'rail'): Project {
  return {
    id, name_zh: id, name_en: id, aliases: [], category, cities: ['chengdu'], counties: [], facts: [], targets: [],
    milestones: [], geometry, geometry_accuracy: geometry ? 'schematic' : null,
  };
}
const state = (status: Status | null, progress: number | null = null): ProjectState => ({ status, progress, basis: null, components: [], components_as_of: null });

const line: Project['geometry'] = { type: 'LineString', coordinates: [[104.0, 30.5], [104.2, 30.5], [104.4, 30.5]] };

describe('projectFeatures', () => {
  it('leaves out projects with no geometry or no status yet', () => {
    const ps = [project('a', null), project('b', line), project('c', { type: 'Point', coordinates: [104, 30.6] })];
    const states: Record<string, ProjectState> = { a: state('complete'), b: state(null), c: state('planned') };
    const fc = projectFeatures(ps, (p) => states[p.id] as ProjectState);
    expect(fc.features.map((f) => f.properties.id)).toEqual(['c']);
    expect(fc.features[0]?.properties.icon).toBe('sym-rail-planned');
  });

  it('splits a line with partial progress into a done part and a faded rest, same id', () => {
    const fc = projectFeatures([project('b', line)], () => state('under-construction', 25));
    expect(fc.features.map((f) => [f.properties.id, f.properties.part])).toEqual([
      ['b', 'done'],
      ['b', 'rest'],
    ]);
  });

  it('draws a complete or unknown-progress line whole', () => {
    expect(projectFeatures([project('b', line)], () => state('complete', 100)).features.map((f) => f.properties.part)).toEqual(['whole']);
    expect(projectFeatures([project('b', line)], () => state('under-construction', null)).features.map((f) => f.properties.part)).toEqual(['whole']);
  });

  it('the key changes exactly when a drawn state changes', () => {
    const ps = [project('b', line), project('n', null)];
    const k1 = projectFeaturesKey(ps, () => state('planned'));
    expect(projectFeaturesKey(ps, () => state('planned'))).toBe(k1);
    expect(projectFeaturesKey(ps, () => state('under-construction'))).not.toBe(k1);
    expect(projectFeaturesKey(ps, () => state('under-construction', 40))).not.toBe(projectFeaturesKey(ps, () => state('under-construction')));
  });
});
