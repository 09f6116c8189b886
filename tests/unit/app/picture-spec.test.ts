import { describe, expect, it } from 'vitest';
import { buildPictureSpec } from '../../../src/app/picture-spec';
import { CATEGORIES, STATUSES } from '../../../src/domain/types';
import { createAppStore } from '../../../src/state/create-app-store';
import { parseUrlState } from '../../../src/state/url-codec';
import { FIXTURE_DATE, smallAtlas } from '../../fixtures/projects/small-atlas';

function storeAt(search: string) {
  const store = createAppStore(parseUrlState(search));
  store.getState().setData({ atlas: smallAtlas(), issues: [] });
  return store;
}

describe('buildPictureSpec', () => {
  it('has the title, the as-of date and a dated file name, in the reader language', () => {
    const spec = buildPictureSpec(storeAt(`?lang=en&date=${FIXTURE_DATE}`).getState(), 2);
    expect(spec.title).toBe('CDMZ Atlas');
    expect(spec.dateLabel).toMatch(/31 Dec 2023/);
    expect(spec.fileName).toBe(`cdmz-atlas-${FIXTURE_DATE}@2x.png`);
    expect(spec.scale).toBe(2);
    expect(spec.sources).toContain('OpenStreetMap');
    expect(spec.note).toBeNull();
    const zh = buildPictureSpec(storeAt(`?date=${FIXTURE_DATE}`).getState(), 1);
    expect(zh.title).toBe('成德眉资同城化地图');
    expect(zh.dateLabel).toContain('2023年12月31日');
  });

  it('lists every status, and only the categories on the picture', () => {
    const spec = buildPictureSpec(storeAt('?lang=en&cat=rail').getState(), 1);
    const [categories, statuses] = spec.legend;
    expect(categories!.entries.map((e) => (e.kind === 'symbol' ? e.category : e.kind))).toEqual(['rail']);
    expect(statuses!.entries.map((e) => (e.kind === 'symbol' ? e.status : null))).toEqual([...STATUSES]);
    expect(spec.note).toMatch(/^Filtered: \d+ projects shown$/);
  });

  it('falls back to all categories when nothing is shown', () => {
    const spec = buildPictureSpec(storeAt('?lang=en&q=nothing-matches-this').getState(), 1);
    expect(spec.legend[0]!.entries).toHaveLength(CATEGORIES.length);
    expect(spec.note).toBe('Filtered: 0 projects shown');
  });
});
