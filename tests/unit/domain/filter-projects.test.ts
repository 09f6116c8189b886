import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filterProjects, filtersActive, hasObservationOn, type ProjectFilters } from '../../../src/domain/filter-projects';
import { FIXTURE_DATE, smallAtlas } from '../../fixtures/projects/small-atlas';

const atlas = smallAtlas();
function ids(patch: Partial<ProjectFilters>, date = FIXTURE_DATE): string[] {
  return filterProjects(atlas.projects, atlas.analysis, { ...DEFAULT_FILTERS, ...patch }, date).map((p) => p.id);
}

describe('filterProjects', () => {
  it('keeps everything without filters, in data order', () => {
    expect(ids({})).toEqual(['p-rail-a', 'p-road-b', 'p-water-c', 'p-park-d', 'p-hub-e', 'p-platform-f']);
  });

  it('filters by corridor distance (inclusive), dropping projects without geometry', () => {
    expect(ids({ corridorId: 'c-east', withinKm: 5 })).toEqual(['p-rail-a', 'p-road-b', 'p-hub-e']);
    expect(ids({ corridorId: 'c-east', withinKm: 50 })).toEqual(['p-rail-a', 'p-road-b', 'p-water-c', 'p-hub-e', 'p-platform-f']);
    expect(ids({ corridorId: 'c-east', withinKm: 0 })).toEqual(['p-hub-e']);
  });

  it('ignores a corridor without a distance, and a distance without a corridor', () => {
    expect(ids({ corridorId: 'c-east' })).toHaveLength(6);
    expect(ids({ withinKm: 1 })).toHaveLength(6);
  });

  it('fails every project for a corridor the analysis does not know', () => {
    expect(ids({ corridorId: 'c-nowhere', withinKm: 50 })).toEqual([]);
  });

  it('filters by status on the chosen date', () => {
    expect(ids({ statuses: ['under-construction'] })).toEqual(['p-rail-a', 'p-park-d', 'p-hub-e']);
    expect(ids({ statuses: ['complete'] })).toEqual(['p-road-b']);
    // p-water-c has only a plan item (aiming for construction): named in a plan = planned, never more.
    expect(ids({ statuses: ['preparatory'] })).toEqual([]);
    expect(ids({ statuses: ['planned'] })).toEqual(['p-water-c']);
    expect(ids({ statuses: ['partly-open', 'planned', 'preparatory'] }, '2025-06-30')).toEqual(['p-rail-a', 'p-water-c', 'p-platform-f']);
    expect(ids({ statuses: ['complete'] }, '2023-12-30')).toEqual([]);
  });

  it('combines corridor, distance and status (the planner question)', () => {
    expect(ids({ corridorId: 'c-east', withinKm: 5, statuses: ['under-construction'] })).toEqual(['p-rail-a', 'p-hub-e']);
  });

  it('filters by category, city, county and junction zone', () => {
    expect(ids({ categories: ['rail', 'hub'] })).toEqual(['p-rail-a', 'p-hub-e']);
    expect(ids({ cities: ['ziyang'] })).toEqual(['p-road-b', 'p-hub-e']);
    expect(ids({ counties: ['510681'] })).toEqual(['p-rail-a', 'p-platform-f']);
    expect(ids({ zoneId: 'z-xp' })).toEqual(['p-water-c', 'p-hub-e']);
    expect(ids({ zoneId: 'z-xp', cities: ['meishan'] })).toEqual(['p-water-c']);
  });

  it('hides plan-only and not-yet-recorded projects with evidence=observed', () => {
    expect(ids({ evidence: 'observed' })).toEqual(['p-rail-a', 'p-road-b', 'p-park-d', 'p-hub-e']);
    expect(hasObservationOn(atlas.projects[0]!, '2021-12-31')).toBe(false);
    expect(hasObservationOn(atlas.projects[0]!, '2022-06-30')).toBe(true);
  });

  it('searches names and aliases tolerant of case, spaces and full-width characters', () => {
    expect(ids({ query: 'ehub north' })).toEqual(['p-hub-e']);
    expect(ids({ query: 'Ｅ枢纽' })).toEqual(['p-hub-e']);
    expect(ids({ query: 'TEST avenue' })).toEqual(['p-road-b']);
    expect(ids({ query: '乙大道' })).toEqual(['p-road-b']);
    expect(ids({ query: '  测试 铁路 ' })).toEqual(['p-rail-a']);
    expect(ids({ query: '   ' })).toHaveLength(6);
    expect(ids({ query: 'no such thing' })).toEqual([]);
  });
});

describe('filtersActive', () => {
  it('is false for no filter and for a search of blanks, true for each kind of filter', () => {
    expect(filtersActive(DEFAULT_FILTERS)).toBe(false);
    expect(filtersActive({ ...DEFAULT_FILTERS, query: '   ' })).toBe(false);
    const each: Partial<ProjectFilters>[] = [
      { categories: ['rail'] },
      { statuses: ['complete'] },
      { cities: ['deyang'] },
      { counties: ['510185'] },
      { corridorId: 'c' },
      { zoneId: 'z' },
      { query: '资阳' },
      { evidence: 'observed' },
    ];
    for (const patch of each) expect(filtersActive({ ...DEFAULT_FILTERS, ...patch }), JSON.stringify(patch)).toBe(true);
  });
});
