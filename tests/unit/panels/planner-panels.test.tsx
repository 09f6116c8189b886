// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ExportButtons } from '../../../src/panels/export-buttons';
import { FilterPanel } from '../../../src/panels/filter-panel';
import { ProjectList } from '../../../src/panels/project-list';
import { StatusSummary } from '../../../src/panels/status-summary';
import { createAppStore, type AppStore } from '../../../src/state/create-app-store';
import { selectUrlState } from '../../../src/state/selectors';
import { AppStoreProvider } from '../../../src/state/store-context';
import { parseUrlState, serializeUrlState } from '../../../src/state/url-codec';
import { FIXTURE_DATE, smallAtlas } from '../../fixtures/projects/small-atlas';
import { reactDomPerTest } from '../../fixtures/react-dom';

const dom = reactDomPerTest();

function render(search: string): { store: AppStore; el: HTMLElement } {
  const store = createAppStore(parseUrlState(search));
  store.getState().setData({ atlas: smallAtlas(), issues: [] });
  const container = dom.render(
    <AppStoreProvider store={store}>
      <FilterPanel />
      <StatusSummary />
      <ExportButtons />
      <ProjectList />
    </AppStoreProvider>,
  );
  return { store, el: container };
}

const listIds = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('[data-testid=project-list] [data-project-id]')].map((b) => b.dataset.projectId);
const q = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) => {
  const found = el.querySelector<T>(sel);
  if (!found) throw new Error(`not found: ${sel}`);
  return found;
};

describe('honest counts (issue 13 §5)', () => {
  it('say how many are on the map, have no record yet, have no published location, in both languages', () => {
    const early = render('lang=en&date=2022-03-01').el;
    const count = q(early, '[data-testid=filter-count]');
    expect(count.textContent).toBe('6 of 6 projects match. 4 on the map · 2 with no record yet on this date');
    expect(count.dataset).toMatchObject({ count: '6', onMap: '4', noRecord: '2', noLocation: '0' });
    dom.unmount();
    const late = render('lang=zh&date=2024-06-30').el;
    expect(q(late, '[data-testid=filter-count]').textContent).toBe('符合条件 6 / 6 个项目。地图上 4 个，1 个截至此日尚无记录，1 个未公布位置');
  });
});

describe('planner panels', () => {
  it('show the filtered list (list order by name), the count and the status summary', () => {
    const { el } = render(`lang=en&date=${FIXTURE_DATE}&corridor=c-east&within=5&status=under-construction`);
    expect(listIds(el)).toEqual(['p-hub-e', 'p-rail-a']);
    expect(q(el, '[data-testid=filter-count]').textContent).toBe('2 of 6 projects match. 2 on the map');
    expect(q(el, '[data-testid=summary-status] [data-key=under-construction]').dataset.count).toBe('2');
  });

  it('write filter changes to the store, and reset clears them in one click', () => {
    const { store, el } = render(`date=${FIXTURE_DATE}`);
    act(() => q<HTMLInputElement>(el, '[data-testid=filter-category-rail]').click());
    expect(store.getState().filters.categories).toEqual(['rail']);
    expect(listIds(el)).toEqual(['p-rail-a']);
    act(() => q<HTMLButtonElement>(el, '[data-testid=filter-reset]').click());
    expect(serializeUrlState(selectUrlState(store.getState()))).toBe(`date=${FIXTURE_DATE}`);
    expect(listIds(el)).toHaveLength(6);
  });

  it('mark projects without a location, and sync hover and selection with the store', () => {
    const { store, el } = render(`date=${FIXTURE_DATE}`);
    const park = q<HTMLButtonElement>(el, '[data-project-id=p-park-d]');
    expect(park.querySelector('[data-testid=no-location]')).not.toBeNull();
    expect(el.querySelectorAll('[data-testid=no-location]')).toHaveLength(1);
    act(() => park.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    expect(store.getState().hoveredId).toBe('p-park-d');
    act(() => park.click());
    expect(store.getState().selectedId).toBe('p-park-d');
    expect(park.getAttribute('aria-current')).toBe('true');
    act(() => park.click());
    expect(store.getState().selectedId).toBe('p-park-d');
    act(() => store.getState().select('p-hub-e'));
    expect(q(el, '[data-project-id=p-hub-e]').getAttribute('aria-current')).toBe('true');
    expect(park.getAttribute('aria-current')).toBeNull();
    expect(park.tagName).toBe('BUTTON');
  });

  it('sort by chainage once a corridor is chosen', () => {
    const { store, el } = render(`date=${FIXTURE_DATE}&corridor=c-north`);
    const select = q<HTMLSelectElement>(el, '[data-testid=list-sort]');
    act(() => {
      select.value = 'chainage';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(store.getState().listSort.key).toBe('chainage');
    expect(listIds(el)).toEqual(['p-platform-f', 'p-rail-a', 'p-water-c', 'p-hub-e', 'p-road-b', 'p-park-d']);
    act(() => q<HTMLButtonElement>(el, '[data-testid=list-sort-direction]').click());
    expect(listIds(el)).toEqual(['p-road-b', 'p-hub-e', 'p-water-c', 'p-rail-a', 'p-platform-f', 'p-park-d']);
  });

  it('choose a corridor, limit the distance and type a value (clamped to 0–50 km)', () => {
    const { store, el } = render(`date=${FIXTURE_DATE}`);
    const corridor = q<HTMLSelectElement>(el, '[data-testid=filter-corridor]');
    expect([...corridor.options].map((o) => o.value)).toEqual(['', 'c-east', 'c-north']);
    act(() => {
      corridor.value = 'c-east';
      corridor.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(el.querySelector('[data-testid=filter-within]')).toBeNull();
    act(() => q<HTMLInputElement>(el, '[data-testid=filter-within-enabled]').click());
    expect(store.getState().filters.withinKm).toBe(5);
    expect(listIds(el)).toEqual(['p-road-b', 'p-hub-e', 'p-rail-a']);
    const setNumber = (text: string) =>
      act(() => {
        const input = q<HTMLInputElement>(el, '[data-testid=filter-within]');
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    setNumber('20');
    expect(store.getState().filters.withinKm).toBe(20);
    setNumber('80');
    expect(store.getState().filters.withinKm).toBe(50);
    act(() => {
      corridor.value = '';
      corridor.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(store.getState().filters).toMatchObject({ corridorId: null, withinKm: null });
  });
});
