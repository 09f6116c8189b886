import { describe, expect, it } from 'vitest';
import { sortProjects, type ProjectSort, type SortContext } from '../../../src/domain/sort-projects';
import { FIXTURE_DATE, smallAtlas } from '../../fixtures/projects/small-atlas';

const atlas = smallAtlas();
function ids(sort: ProjectSort, ctx: Partial<SortContext> = {}): string[] {
  return sortProjects(atlas.projects, sort, { analysis: atlas.analysis, asOfDate: FIXTURE_DATE, corridorId: 'c-east', lang: 'zh', ...ctx }).map((p) => p.id);
}

describe('sortProjects', () => {
  it('sorts Chinese names by pinyin', () => {
    // 大(da) 公(gong) 平(ping) 枢(shu) 水(shui) 铁(tie)
    expect(ids({ key: 'name', direction: 'asc' })).toEqual(['p-road-b', 'p-park-d', 'p-platform-f', 'p-hub-e', 'p-water-c', 'p-rail-a']);
  });

  it('sorts English names in English when the language is en', () => {
    expect(ids({ key: 'name', direction: 'asc' }, { lang: 'en' })).toEqual(['p-hub-e', 'p-road-b', 'p-park-d', 'p-platform-f', 'p-rail-a', 'p-water-c']);
    expect(ids({ key: 'name', direction: 'desc' }, { lang: 'en' })).toEqual(['p-water-c', 'p-rail-a', 'p-platform-f', 'p-park-d', 'p-road-b', 'p-hub-e']);
  });

  it('sorts by status stage on the date, stable for ties, unknown last in both directions', () => {
    expect(ids({ key: 'status', direction: 'asc' })).toEqual(['p-water-c', 'p-rail-a', 'p-park-d', 'p-hub-e', 'p-road-b', 'p-platform-f']);
    expect(ids({ key: 'status', direction: 'desc' })).toEqual(['p-road-b', 'p-rail-a', 'p-park-d', 'p-hub-e', 'p-water-c', 'p-platform-f']);
  });

  it('sorts by progress with unstated progress last', () => {
    expect(ids({ key: 'progress', direction: 'asc' })).toEqual(['p-hub-e', 'p-rail-a', 'p-park-d', 'p-road-b', 'p-water-c', 'p-platform-f']);
  });

  it('sorts by distance to and chainage along the chosen corridor, no geometry last', () => {
    expect(ids({ key: 'distance', direction: 'asc' })).toEqual(['p-hub-e', 'p-rail-a', 'p-road-b', 'p-water-c', 'p-platform-f', 'p-park-d']);
    expect(ids({ key: 'chainage', direction: 'desc' }, { corridorId: 'c-north' })).toEqual(['p-road-b', 'p-hub-e', 'p-water-c', 'p-rail-a', 'p-platform-f', 'p-park-d']);
  });

  it('keeps the input order for distance without a corridor, and does not mutate its input', () => {
    const before = atlas.projects.map((p) => p.id);
    expect(ids({ key: 'distance', direction: 'asc' }, { corridorId: null })).toEqual(before);
    ids({ key: 'name', direction: 'desc' });
    expect(atlas.projects.map((p) => p.id)).toEqual(before);
  });
});
