// @vitest-environment happy-dom
/**
 * The detail panel shows evidence kinds apart (a plan item: what it aims for, never a status or a
 * percentage), key facts with their quote and source, and freshness in words.
 */
import { describe, expect, it } from 'vitest';
import { DetailPanel } from '../../../src/panels/detail-panel';
import { createAppStore } from '../../../src/state/create-app-store';
import { AppStoreProvider } from '../../../src/state/store-context';
import { parseUrlState } from '../../../src/state/url-codec';
import { smallAtlas } from '../../fixtures/projects/small-atlas';
import { reactDomPerTest } from '../../fixtures/react-dom';

const dom = reactDomPerTest();

function render(search: string): HTMLElement {
  const store = createAppStore(parseUrlState(search));
  store.getState().setData({ atlas: smallAtlas(), issues: [] });
  const container = dom.render(
    <AppStoreProvider store={store}>
      <DetailPanel />
    </AppStoreProvider>,
  );
  return container;
}

describe('detail panel', () => {
  it('shows a plan item as what it aims for — no status word, no percentage, beside the plan badge', () => {
    const el = render('lang=en&sel=p-rail-a&date=2023-12-31');
    const plan = el.querySelector<HTMLElement>('.timeline__item--plan')!;
    expect(plan).not.toBeNull();
    expect(plan.querySelector('.timeline__status')).toBeNull();
    expect(plan.textContent).toContain('Plan: aims for “Planned”');
    expect(plan.textContent).not.toMatch(/%/);
  });

  it('says when the status was last reported and that it is not confirmed since, when stale', () => {
    // p-rail-a: last report 2022-06-30; on 2023-12-31 that is more than 12 months ago
    const stale = render('lang=en&sel=p-rail-a&date=2023-12-31');
    const f = stale.querySelector<HTMLElement>('[data-testid=detail-freshness]')!;
    expect(f.dataset.stale).toBe('true');
    expect(f.textContent).toMatch(/Last reported .*2022/);
    expect(f.textContent).toContain('not confirmed since');
    dom.unmount();
    const fresh = render('lang=en&sel=p-rail-a&date=2022-07-01');
    const g = fresh.querySelector<HTMLElement>('[data-testid=detail-freshness]')!;
    expect(g.dataset.stale).toBe('false');
    expect(g.textContent).not.toContain('not confirmed since');
  });

  it('says a project named only in a plan has no report of its progress', () => {
    const el = render('lang=en&sel=p-water-c&date=2023-12-31');
    expect(el.querySelector('[data-testid=detail-status]')?.getAttribute('data-status')).toBe('planned');
    expect(el.querySelector('[data-testid=detail-freshness]')?.textContent).toContain('Named in a plan only');
  });

  it('shows every key fact with its quote and its source', () => {
    const el = render('lang=en&sel=p-hub-e&date=2023-12-31');
    const fact = el.querySelector<HTMLElement>('[data-testid=detail-facts] [data-fact=length]')!;
    expect(fact.querySelector('blockquote')?.textContent).toContain('长3公里');
    expect(fact.querySelector('.detail__fact-source')?.textContent).toContain('Source');
  });
});
