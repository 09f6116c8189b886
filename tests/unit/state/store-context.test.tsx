// @vitest-environment happy-dom
/**
 * Hydration reads the state the markup was rendered from (`markupState`), so a part that hydrates
 * after the reader changed the store (a deferred panel whose code came later) matches its markup
 * and then shows the current state; without it, React reports a mismatch and throws the markup
 * away.
 */
import { act, lazy, Suspense, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../../src/state/create-app-store';
import { AppStoreProvider, useAppStore } from '../../../src/state/store-context';
import { parseUrlState } from '../../../src/state/url-codec';
import type { AppState } from '../../../src/state/app-state';
import { reactDomPerTest } from '../../fixtures/react-dom';

const selectLang = (s: AppState) => s.lang;

function Lang({ label }: { label: string }) {
  const lang = useAppStore(selectLang);
  return (
    <p data-part={label}>{`${label}: ${lang === 'zh' ? '中文' : 'English'}`}</p>
  );
}

const dom = reactDomPerTest();

/**
 * Prerenders a shell and a deferred part in Chinese, hydrates, switches the store to English while
 * the deferred part's code is held, then lets it in. Returns the hydration errors React reported
 * and the text of both parts at the end.
 */
async function hydrateWithLateChange(withMarkupState: boolean): Promise<{ errors: unknown[]; shell: string; late: string }> {
  const tree = (store: AppStore, markupState: AppState | null, late: ReactNode) => (
    <AppStoreProvider store={store} markupState={markupState}>
      <Lang label="shell" />
      <Suspense fallback={null}>{late}</Suspense>
    </AppStoreProvider>
  );
  // The build's markup: both parts, in Chinese (the default view).
  const html = renderToString(tree(createAppStore(parseUrlState('')), null, <Lang label="late" />));
  expect(html).toContain('shell: 中文');
  expect(html).toContain('late: 中文');

  // The page: the late part's code is held, so its boundary keeps the markup while the shell hydrates.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const Late = lazy(() => held.then(() => ({ default: () => <Lang label="late" /> })));
  const store = createAppStore(parseUrlState(''));
  const container = dom.container(html);
  const errors: unknown[] = [];
  await act(async () => {
    dom.adopt(hydrateRoot(container, tree(store, withMarkupState ? store.getState() : null, <Late />), { onRecoverableError: (e) => errors.push(e) }));
  });
  expect(container.querySelector('[data-part="late"]')?.textContent).toBe('late: 中文');
  // The reader switches the language; then the late part's code comes.
  await act(async () => store.getState().setLang('en'));
  await act(async () => {
    release();
    await held;
  });
  return {
    errors,
    shell: container.querySelector('[data-part="shell"]')?.textContent ?? '',
    late: container.querySelector('[data-part="late"]')?.textContent ?? '',
  };
}

describe('useAppStore during hydration', () => {
  it('a part hydrating after a change matches its markup, then shows the current state', async () => {
    const r = await hydrateWithLateChange(true);
    expect(r.errors).toEqual([]);
    expect(r.shell).toBe('shell: English');
    expect(r.late).toBe('late: English');
  });

  it('without the markup state, the same part does not match (the case markupState exists for)', async () => {
    const r = await hydrateWithLateChange(false);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.late).toBe('late: English');
  });
});
