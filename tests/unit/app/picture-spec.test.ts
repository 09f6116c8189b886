import { describe, expect, it } from 'vitest';
import { buildPictureSpec, filterWords } from '../../../src/app/picture-spec';
import { createAppStore } from '../../../src/state/create-app-store';
import { parseUrlState } from '../../../src/state/url-codec';
import { FIXTURE_DATE, smallAtlas } from '../../fixtures/projects/small-atlas';

function storeAt(search: string) {
  const store = createAppStore(parseUrlState(search));
  store.getState().setData({ atlas: smallAtlas(), issues: [] });
  return store;
}

describe('buildPictureSpec', () => {
  it('has the title, the as-of date, one sources line and a dated file name, in the reader language', () => {
    const spec = buildPictureSpec(storeAt(`?lang=en&date=${FIXTURE_DATE}`).getState(), 2);
    expect(spec.title).toBe('CDMZ Atlas');
    expect(spec.dateLabel).toMatch(/31 Dec 2023/);
    expect(spec.fileName).toBe(`cdmz-atlas-${FIXTURE_DATE}@2x.png`);
    expect(spec.scale).toBe(2);
    expect(spec.sources).toContain('© OpenStreetMap contributors');
    expect(spec.sources).not.toContain('{osm}');
    expect(spec.filters).toBeNull();
    expect(spec.selected).toBeNull();
    // No stray "Legend" heading: the last section (corridors, zones) has none.
    expect(spec.legend.map((s) => s.heading)).not.toContain('Legend');
    const zh = buildPictureSpec(storeAt(`?date=${FIXTURE_DATE}`).getState(), 1);
    expect(zh.title).toBe('成德眉资同城化地图');
    expect(zh.dateLabel).toContain('2023年12月31日');
  });

  it('keys the leader of a moved symbol only when the map draws one', () => {
    const state = storeAt(`?lang=en&date=${FIXTURE_DATE}`).getState();
    const entries = (spec: ReturnType<typeof buildPictureSpec>) => spec.legend.flatMap((s) => s.entries);
    expect(entries(buildPictureSpec(state, 1)).some((e) => e.kind === 'leader')).toBe(false);
    expect(entries(buildPictureSpec(state, 1, null, false)).some((e) => e.kind === 'leader')).toBe(false);
    const withLeaders = entries(buildPictureSpec(state, 1, null, true)).filter((e) => e.kind === 'leader');
    expect(withLeaders).toEqual([{ kind: 'leader', label: 'Dot: the true place of a symbol moved aside so that symbols do not overlap' }]);
    const zh = entries(buildPictureSpec(storeAt(`?date=${FIXTURE_DATE}`).getState(), 2, null, true)).find((e) => e.kind === 'leader');
    expect(zh?.label).toContain('实际位置');
  });

  it('keys only what is on the map: its categories and statuses, line dashes when lines are drawn', () => {
    const spec = buildPictureSpec(storeAt(`?lang=en&cat=rail&date=${FIXTURE_DATE}`).getState(), 1);
    const [categories, statuses] = spec.legend;
    expect(categories!.entries.map((e) => (e.kind === 'symbol' ? e.category : e.kind))).toEqual(['rail']);
    const drawnStatuses = statuses!.entries.map((e) => (e.kind === 'symbol' ? e.status : null));
    expect(drawnStatuses.length).toBeGreaterThan(0);
    expect(drawnStatuses.length).toBeLessThan(5);
    // The rail test project is a line: its status key carries the dash the map draws.
    expect(statuses!.entries.every((e) => e.kind === 'symbol' && Array.isArray(e.dash))).toBe(true);
  });

  it('names the active filters in words and the selected project', () => {
    const spec = buildPictureSpec(storeAt(`?lang=en&cat=rail,road&status=complete&corridor=c-east&within=5&sel=p-rail-a&date=${FIXTURE_DATE}`).getState(), 1);
    expect(spec.filters).toMatch(/^Filtered: Category: Rail, Road · Status: Complete · within 5 km of Test corridor east \(\d+ projects shown\)$/);
    expect(spec.selected).toMatch(/^Selected: Test Railway A \(.+\)$/);
    const zh = storeAt(`?cat=rail&q=测试&date=${FIXTURE_DATE}`).getState();
    expect(filterWords(zh, 'zh')).toEqual(['类别：轨道交通', '搜索“测试”']);
  });

  it('has no category or status key when nothing is on the map', () => {
    const spec = buildPictureSpec(storeAt('?lang=en&q=nothing-matches-this').getState(), 1);
    expect(spec.legend.some((s) => s.heading === 'Category (colour and symbol)')).toBe(false);
    expect(spec.filters).toBe('Filtered: Search “nothing-matches-this” (0 projects shown)');
  });

  it("keys only what is inside the map's visible box", () => {
    const state = storeAt(`?lang=en&date=${FIXTURE_DATE}`).getState();
    const all = buildPictureSpec(state, 1).legend[0]!.entries.length;
    expect(all).toBeGreaterThan(1);
    // A box around the rail test line's far end only.
    const near = buildPictureSpec(state, 1, [104.25, 30.85, 104.35, 30.95]).legend[0]!.entries;
    expect(near.map((e) => (e.kind === 'symbol' ? e.category : e.kind))).toEqual(['rail']);
    const empty = buildPictureSpec(state, 1, [90, 10, 91, 11]);
    expect(empty.legend.some((s) => s.heading === 'Category (colour and symbol)')).toBe(false);
  });
});
