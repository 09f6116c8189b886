import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import {
  selectAsOfDate,
  selectProjectState,
  selectSelectedProject,
  selectSortedVisibleProjects,
  selectStatusSummary,
  selectUrlState,
  selectVisibleIds,
  selectVisibleProjects,
} from '../../../src/state/selectors';
import { parseUrlState, serializeUrlState } from '../../../src/state/url-codec';
import { effectiveSort, SORT_DIRECTIONS, SORT_KEYS, sortProjects } from '../../../src/domain/sort-projects';
import { FIXTURE_DATE, smallAtlas } from '../../fixtures/projects/small-atlas';

function readyStore(search = '') {
  const store = createAppStore(parseUrlState(search));
  store.getState().setData({ atlas: smallAtlas(), issues: [] });
  return store;
}

describe('createAppStore', () => {
  it('makes independent stores (no module singleton)', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().toggleCategory('rail');
    a.getState().select('x');
    expect(b.getState().filters.categories).toEqual([]);
    expect(b.getState().selectedId).toBeNull();
    expect(a.getState().filters).not.toBe(b.getState().filters);
  });

  it('is seeded from a parsed URL and gives it back unchanged', () => {
    const search = 'lang=en&date=2023-12-31&cat=rail&status=under-construction&corridor=c-east&within=5&sel=p-rail-a&embed=1&evidence=observed';
    const store = createAppStore(parseUrlState(search));
    expect(store.getState().lang).toBe('en');
    expect(store.getState().embed).toBe(true);
    expect(store.getState().filters).toMatchObject({ corridorId: 'c-east', withinKm: 5, statuses: ['under-construction'] });
    expect(serializeUrlState(selectUrlState(store.getState()))).toBe(search);
  });

  it('starts loading, then ready with data, or error without', () => {
    const store = createAppStore();
    expect(store.getState().dataStatus).toBe('loading');
    expect(selectVisibleProjects(store.getState())).toEqual([]);
    store.getState().setData({ atlas: null, issues: [{ file: 'data/projects.json', message: 'HTTP 404' }] });
    expect(store.getState().dataStatus).toBe('error');
    expect(store.getState().issues[0]?.file).toBe('data/projects.json');
    store.getState().setData({ atlas: smallAtlas(), issues: [] });
    expect(store.getState().dataStatus).toBe('ready');
  });

  it('drops ids the loaded data does not know, keeps the rest', () => {
    const store = readyStore('corridor=c-gone&within=5&zone=z-qg&sel=p-gone&county=510113,999999&cat=rail');
    const url = selectUrlState(store.getState());
    expect(url).toMatchObject({ corridor: null, zone: 'z-qg', sel: null, county: ['510113'], cat: ['rail'], within: 5 });
  });

  it('validates action input and names the field', () => {
    const s = createAppStore().getState();
    expect(() => s.setWithinKm(51)).toThrow(/filters\.withinKm.*51/);
    expect(() => s.setCorridor('Bad Id')).toThrow(/filters\.corridorId/);
    expect(() => s.setAsOfDate('2023-02-30')).toThrow(/timeline\.asOfDate/);
  });

  it('clears the distance with the corridor, and resets filters in one call', () => {
    const store = readyStore('corridor=c-east&within=5&status=complete&q=test&date=2022-01-01&sel=p-rail-a');
    store.getState().setCorridor(null);
    expect(store.getState().filters.withinKm).toBeNull();
    store.getState().resetFilters();
    expect(serializeUrlState(selectUrlState(store.getState()))).toBe('date=2022-01-01&sel=p-rail-a');
  });

  it('applies a URL state (popstate, cdmz:set)', () => {
    const store = readyStore();
    store.getState().applyUrlState(parseUrlState('lang=en&zone=z-xp&sel=p-hub-e'));
    expect(selectVisibleIds(store.getState())).toEqual(['p-water-c', 'p-hub-e']);
    expect(selectSelectedProject(store.getState())?.id).toBe('p-hub-e');
    expect(store.getState().lang).toBe('en');
  });
});

describe('selectors', () => {
  it('uses the latest milestone date unless a date is chosen', () => {
    const store = readyStore();
    expect(selectAsOfDate(store.getState())).toBe('2025-01-01');
    store.getState().setAsOfDate(FIXTURE_DATE);
    expect(selectAsOfDate(store.getState())).toBe(FIXTURE_DATE);
  });

  it('computes the visible projects with the domain rule', () => {
    const store = readyStore(`date=${FIXTURE_DATE}&corridor=c-east&within=5&status=under-construction`);
    expect(selectVisibleIds(store.getState())).toEqual(['p-rail-a', 'p-hub-e']);
    store.getState().setWithinKm(50);
    store.getState().toggleStatus('under-construction');
    expect(selectVisibleIds(store.getState())).toEqual(['p-rail-a', 'p-road-b', 'p-water-c', 'p-hub-e', 'p-platform-f']);
  });

  it('memoises derived arrays until their inputs change', () => {
    const store = readyStore(`date=${FIXTURE_DATE}`);
    const first = selectVisibleProjects(store.getState());
    store.getState().hover('p-rail-a');
    expect(selectVisibleProjects(store.getState())).toBe(first);
    expect(selectVisibleIds(store.getState())).toBe(selectVisibleIds(store.getState()));
    expect(selectSortedVisibleProjects(store.getState())).toBe(selectSortedVisibleProjects(store.getState()));
    expect(selectStatusSummary(store.getState())).toBe(selectStatusSummary(store.getState()));
    expect(selectUrlState(store.getState())).toBe(selectUrlState(store.getState()));
    store.getState().toggleCategory('rail');
    expect(selectVisibleProjects(store.getState())).not.toBe(first);
  });

  it('sorts the list with listSort and the chosen corridor', () => {
    const store = readyStore(`date=${FIXTURE_DATE}&corridor=c-east`);
    store.getState().setListSort({ key: 'distance', direction: 'asc' });
    expect(selectSortedVisibleProjects(store.getState()).map((p) => p.id)).toEqual(['p-hub-e', 'p-rail-a', 'p-road-b', 'p-water-c', 'p-platform-f', 'p-park-d']);
  });

  it('orders the visible projects exactly as sorting them would, for every sort, language, corridor, filter and date', () => {
    // The list picks date-independent orders out of the whole atlas sorted once (selectors.ts):
    // the result must be the stable sort of the visible projects themselves.
    const filters: ((s: ReturnType<typeof readyStore>) => void)[] = [
      () => undefined,
      (s) => s.getState().toggleCategory('rail'),
      (s) => s.getState().toggleStatus('under-construction'),
      (s) => s.getState().toggleCity('chengdu'),
    ];
    let compared = 0;
    for (const corridor of ['', '&corridor=c-east']) {
      for (const lang of ['zh', 'en'] as const) {
        for (const apply of filters) {
          // One store through the dates: what is cached for one date must not leak into another.
          const store = readyStore(`${corridor}&lang=${lang}`);
          apply(store);
          for (const date of [FIXTURE_DATE, '2019-01-01', '2030-06-30', '2021-03-01']) {
            store.getState().setAsOfDate(date);
            for (const key of SORT_KEYS) {
              for (const direction of SORT_DIRECTIONS) {
                store.getState().setListSort({ key, direction });
                const state = store.getState();
                const visible = selectVisibleProjects(state);
                const expected = sortProjects(visible, effectiveSort(state.listSort, state.filters.corridorId), {
                  analysis: state.atlas!.analysis,
                  asOfDate: selectAsOfDate(state)!,
                  corridorId: state.filters.corridorId,
                  lang,
                });
                expect(selectSortedVisibleProjects(state).map((p) => p.id)).toEqual(expected.map((p) => p.id));
                compared += visible.length;
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('summarises by status on the date and by category', () => {
    const store = readyStore(`date=${FIXTURE_DATE}`);
    const summary = selectStatusSummary(store.getState());
    expect(Object.fromEntries(summary.byStatus.map((s) => [s.status, s.count]))).toEqual({
      planned: 1,
      preparatory: 0,
      'under-construction': 3,
      'partly-open': 0,
      complete: 1,
      unknown: 1,
    });
    expect(summary.byCategory.find((c) => c.category === 'rail')?.count).toBe(1);
    expect(summary.byCategory.reduce((n, c) => n + c.count, 0)).toBe(6);
  });

  it('gives a stable project state per id and date', () => {
    const store = readyStore(`date=${FIXTURE_DATE}`);
    const select = selectProjectState('p-road-b');
    expect(select(store.getState())?.status).toBe('complete');
    expect(select(store.getState())).toBe(select(store.getState()));
    expect(selectProjectState('nope')(store.getState())).toBeNull();
  });
});
