// @vitest-environment happy-dom
/**
 * The picture buttons' status: "working", then "downloaded" for DONE_MESSAGE_MS (the embed shows
 * it over the map), then nothing, while the last picture's layout stays readable; a failure stays.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DONE_MESSAGE_MS, PictureExport } from '../../../src/panels/picture-export';
import { createAppStore } from '../../../src/state/create-app-store';
import { AppStoreProvider } from '../../../src/state/store-context';
import { parseUrlState } from '../../../src/state/url-codec';
import { reactDomPerTest } from '../../fixtures/react-dom';

const dom = reactDomPerTest();
afterEach(() => {
  vi.useRealTimers();
});

function render(onExport: () => Promise<{ fileName: string; layout?: unknown }>): HTMLElement {
  const store = createAppStore(parseUrlState('?lang=en'));
  return dom.render(
    <AppStoreProvider store={store}>
      <PictureExport onExport={onExport} available />
    </AppStoreProvider>,
  );
}

const status = (el: HTMLElement) => el.querySelector('[data-testid="picture-status"]')?.textContent ?? '';

describe('PictureExport status', () => {
  it('says "downloaded" for a while, then nothing; the layout stays', async () => {
    vi.useFakeTimers();
    const el = render(() => Promise.resolve({ fileName: 'x.png', layout: { w: 1 } }));
    await act(async () => {
      el.querySelector<HTMLButtonElement>('[data-testid="picture-1x"]')!.click();
    });
    expect(status(el)).toBe('Picture downloaded: x.png');
    await act(async () => {
      vi.advanceTimersByTime(DONE_MESSAGE_MS - 100);
    });
    expect(status(el)).toBe('Picture downloaded: x.png');
    await act(async () => {
      vi.advanceTimersByTime(200);
    });
    expect(status(el)).toBe('');
    expect(el.querySelector('[role="group"]')?.getAttribute('data-picture-layout')).toBe('{"w":1}');
  });

  it('a failure stays on screen', async () => {
    vi.useFakeTimers();
    const el = render(() => Promise.reject(new Error('no canvas')));
    await act(async () => {
      el.querySelector<HTMLButtonElement>('[data-testid="picture-2x"]')!.click();
    });
    await act(async () => {
      vi.advanceTimersByTime(DONE_MESSAGE_MS * 2);
    });
    expect(status(el)).toContain('no canvas');
  });
});
