/**
 * Issue 15 §4: bounded memory. A same-origin host steps the embed through 2,000 distinct
 * consecutive dates with cdmz:set; the JS heap after a forced GC (CDP) may grow by a few MB at
 * most. Before the fix, the per-(project, date) state cache grew by tens of MB over such a
 * session. A memory bound, not a timing: the measurement itself is `npm run bench:harden`.
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

async function stepDates(page: Page, from: number, count: number): Promise<void> {
  const day0 = Date.UTC(2016, 0, 1);
  const iso = (k: number) => new Date(day0 + k * 86_400_000).toISOString().slice(0, 10);
  for (let k = from; k < from + count; k += 25) {
    const dates = Array.from({ length: Math.min(25, from + count - k) }, (_, j) => iso(k + j));
    await page.evaluate((ds) => {
      const w = (document.getElementById('app') as HTMLIFrameElement).contentWindow!;
      for (const d of ds) w.postMessage({ type: 'cdmz:set', state: { date: d } }, location.origin);
    }, dates);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

test('2,000 distinct dates through cdmz:set: the heap after GC grows by less than 5 MB', async ({ page }) => {
  test.setTimeout(240_000);
  await page.route('**/__memory-host.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>host</title><iframe id="app" src="./?embed=1&lang=en" width="900" height="600"></iframe>' }),
  );
  await page.goto('./__memory-host.html');
  await expect(page.frameLocator('#app').getByTestId('map')).toHaveAttribute('data-map-idle', 'true', { timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await stepDates(page, 0, 150); // warm up: code compiled, per-project intervals built
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  const before = await heapMb(cdp);
  await stepDates(page, 150, 2000);
  // The frame did follow: its date is the last one sent.
  await expect.poll(() => frame.evaluate(() => location.search)).toContain(`date=${new Date(Date.UTC(2016, 0, 1) + 2149 * 86_400_000).toISOString().slice(0, 10)}`);
  const after = await heapMb(cdp);
  console.log(`heap after GC: ${before.toFixed(2)} MB → ${after.toFixed(2)} MB over 2,000 dates`);
  expect(after - before).toBeLessThan(5);
});
