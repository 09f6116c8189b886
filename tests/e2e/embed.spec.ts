/**
 * Issue 6 §1–3: the embed layout in an iframe-sized window, the cdmz:set / cdmz:state contract
 * driven by a host page on another origin (docs/embed-example.html), and the embed-code dialog.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { horizontalOverflowPx, mapSizeCss, mapZoom, openApp, openEmbed, openEmbedDialog, waitForMapIdle, watchPage } from './driver';

for (const width of [320, 1200]) {
  test(`the embed at ${width} px: no horizontal scroll, the map renders, no side panel`, async ({ page }) => {
    await page.setViewportSize({ width, height: width < 600 ? 480 : 700 });
    const watch = watchPage(page);
    await openEmbed(page, '&lang=en&date=2024-09-29');
    expect(await horizontalOverflowPx(page)).toBeLessThanOrEqual(0);
    expect((await mapSizeCss(page)).width).toBe(width);
    expect((await mapSizeCss(page)).height).toBeGreaterThan(150);
    await expect(page.locator('#project-panel')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('CDMZ Atlas');
    await expect(page.getByTestId('as-of-date')).toHaveText(/as of 29 Sept 2024/i);
    await expect(page.locator('.embed__sources')).toContainText('OpenStreetMap');
    await expect(page.locator('.legend')).toBeVisible();
    const href = await page.getByTestId('embed-open-full').getAttribute('href');
    expect(href).toContain('lang=en');
    expect(href).toContain('date=2024-09-29');
    expect(href).not.toContain('embed=1');
    // Opening the legend must not make the page scroll sideways either.
    await page.locator('.legend__title').click();
    expect(await horizontalOverflowPx(page)).toBeLessThanOrEqual(0);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
}

test('the embed shows its text before the map library has loaded', async ({ page }) => {
  // Hold back the lazily loaded map chunk: the title, date line and sources must already be there.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/map-owner-.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?embed=1&lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CDMZ Atlas');
  await expect(page.locator('.embed__sources')).toBeVisible();
  // The map's slot is there (its region), still without MapLibre's canvas.
  await expect(page.getByTestId('map')).toBeVisible();
  await expect(page.locator('.maplibregl-canvas')).toHaveCount(0);
  release();
  await waitForMapIdle(page);
});

test('in the embed, the wheel scrolls the article until the reader holds Ctrl (cooperative gestures)', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 500 });
  await openEmbed(page, '&lang=en');
  expect(await page.evaluate(() => window.__cdmzMap?.cooperativeGestures.isEnabled())).toBe(true);
  const zoom0 = await mapZoom(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  // MapLibre shows its hint only for a moment, so count its "prevented" events instead of
  // catching the hint on screen.
  await page.evaluate(() => {
    const w = window as unknown as { __prevented: number };
    w.__prevented = 0;
    window.__cdmzMap?.on('cooperativegestureprevented', () => (w.__prevented += 1));
  });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction(() => (window as unknown as { __prevented: number }).__prevented > 0);
  await expect(page.locator('.maplibregl-cooperative-gesture-screen')).toContainText('Ctrl', { useInnerText: false });
  expect(await mapZoom(page)).toBe(zoom0);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await page.waitForFunction((z) => (window.__cdmzMap?.getZoom() ?? z) > z + 0.1, zoom0);
});

/**
 * Serves docs/embed-example.html from a second local server — another origin than the app, like
 * a newsroom's site. (A real server, not `page.route`: Chromium treats a routed page as public
 * and would refuse to frame the local app from it.)
 */
async function openHostStory(page: Page, appUrl: string): Promise<() => Promise<void>> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(readFileSync('docs/embed-example.html'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/story.html?atlas=${encodeURIComponent(appUrl)}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

let stopHost: (() => Promise<void>) | undefined;
test.afterEach(async () => {
  await stopHost?.();
  stopHost = undefined;
});

interface StateMessage {
  type: string;
  state: { date: string | null; cat: string[]; sel: string | null; q: string };
  visibleProjectIds: string[];
  mappedProjectIds: string[];
  counts: { total: number; matching: number; onMap: number; noRecordYet: number; noLocation: number };
  asOfDate: string | null;
  dataStatus: string;
  queryWithheld: boolean;
}

async function received(page: Page): Promise<StateMessage[]> {
  return page.evaluate(() => (window as unknown as { cdmzMessages: StateMessage[] }).cdmzMessages);
}

async function waitForState(page: Page, date: string): Promise<StateMessage> {
  await page.waitForFunction(
    (d) => (window as unknown as { cdmzMessages: StateMessage[] }).cdmzMessages.some((m) => m.dataStatus === 'ready' && m.state.date === d),
    date,
    { timeout: 45_000 },
  );
  return (await received(page)).filter((m) => m.state.date === date).at(-1)!;
}

test('a host page on another origin steps the embed with cdmz:set and hears cdmz:state', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  stopHost = await openHostStory(page, baseURL!);
  const frame = page.frameLocator('#atlas');
  const historyBefore = await page.evaluate(() => history.length);

  // The first paragraph is current when the page opens: its date and selection reach the map.
  const first = await waitForState(page, '2020-11-27');
  expect(first.type).toBe('cdmz:state');
  expect(first.state.sel).toBe('ziyang-line');
  expect(first.asOfDate).toBe('2020-11-27');
  await expect(frame.getByTestId('as-of-date')).toHaveText(/as of 27 Nov 2020/i);
  // Honest counts (issue 13 §5): at 2020-11-27 most projects have no record yet and are not drawn.
  expect(first.counts.matching).toBe(first.visibleProjectIds.length);
  expect(first.counts.onMap + first.counts.noRecordYet + first.counts.noLocation).toBe(first.counts.matching);
  expect(first.counts.noRecordYet).toBeGreaterThan(first.counts.onMap);
  expect(first.mappedProjectIds).toHaveLength(first.counts.onMap);
  expect(first.mappedProjectIds).toContain('ziyang-line');
  await expect(page.locator('#caption')).toContainText(`The map shows ${first.counts.onMap} projects as of 2020-11-27 (${first.counts.noRecordYet} more have no record yet`);

  // Scrolling to the fourth paragraph sends its state; the answer lists only rail projects.
  await page.locator('.step').nth(3).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const fourth = await waitForState(page, '2024-09-29');
  expect(fourth.state.cat).toEqual(['rail']);
  expect(fourth.state.sel).toBe('ziyang-line');
  expect(fourth.visibleProjectIds.length).toBeGreaterThan(0);
  expect(fourth.visibleProjectIds).toContain('ziyang-line');
  await expect(frame.getByTestId('as-of-date')).toHaveText(/as of 29 Sept 2024/i);
  await expect(page.locator('#caption')).toContainText('as of 2024-09-29');

  // Messages of the wrong shape are ignored; the next valid one is applied.
  const countBefore = (await received(page)).length;
  await page.evaluate(() => {
    const w = (document.getElementById('atlas') as HTMLIFrameElement).contentWindow!;
    const target = new URL(document.getElementById('atlas')!.getAttribute('src')!).origin;
    w.postMessage({ type: 'cdmz:set', state: 'date=2016-01-01' }, target);
    w.postMessage({ type: 'cdmz:set', state: { date: '2023-02-30', cat: 42 } }, target);
    w.postMessage({ type: 'cdmz:sett', state: { date: '2019-01-31' } }, target);
    w.postMessage('cdmz:set', target);
    w.postMessage({ type: 'cdmz:set', state: { date: '2022-11-30' } }, target);
  });
  await waitForState(page, '2022-11-30');
  const after = (await received(page)).slice(countBefore);
  expect(after.map((m) => m.state.date)).toEqual(['2022-11-30']);
  expect(after[0]!.state.cat).toEqual(['rail']);

  // The frame replaced its history entries: the article's Back button is untouched.
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
});

test('the embed posts nothing and accepts nothing when it is not inside a frame', async ({ page }) => {
  await openEmbed(page, '&lang=en&date=2024-09-29');
  await page.evaluate(() => window.postMessage({ type: 'cdmz:set', state: { date: '2020-11-27' } }, '*'));
  await page.getByTestId('as-of-date').click();
  await expect(page.getByTestId('as-of-date')).toHaveText(/as of 29 Sept 2024/i);
});

test('the embed-code dialog gives an iframe for the current view, a live preview, and returns focus', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '?lang=en&date=2024-09-29&cat=rail');
  await openEmbedDialog(page);
  const dialog = page.getByTestId('embed-dialog');
  await expect(dialog).toHaveAttribute('open', '');
  // Focus moved into the dialog.
  expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);

  const code = page.getByTestId('embed-code');
  await expect(code).toHaveValue(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?lang=en&amp;date=2024-09-29&amp;cat=rail&amp;embed=1&amp;bbox=-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+" title="CDMZ Atlas \([Aa]s of 29 Sept 2024\)" width="100%" height="520"/);
  await page.getByTestId('embed-height').fill('640');
  await expect(code).toHaveValue(/height="640"/);

  const preview = page.getByTestId('embed-preview');
  await expect(preview).toHaveAttribute('src', /\?lang=en&date=2024-09-29&cat=rail&embed=1/);
  await expect(preview).toHaveAttribute('title', /CDMZ Atlas/);
  await expect(page.frameLocator('[data-testid=embed-preview]').getByTestId('as-of-date')).toHaveText(/as of 29 Sept 2024/i);

  await page.getByTestId('embed-copy').click();
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());

  await page.keyboard.press('Escape');
  await expect(dialog).not.toBeVisible();
  await expect(page.getByTestId('embed-open')).toBeFocused();
});

/** Serves `html` from a second local server: another origin than the app. */
async function openHost(page: Page, html: string): Promise<() => Promise<void>> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/host.html`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

const LISTENING_HOST = (src: string) => `<!doctype html><title>host</title>
<iframe id="app" src="${src}" width="1000" height="700"></iframe>
<script>window.got = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'cdmz:state') window.got.push(e.data); });</script>`;

test('framing: the full app framed by an unlisted site posts it no cdmz:state and ignores its cdmz:set', async ({ page, baseURL }) => {
  stopHost = await openHost(page, LISTENING_HOST(`${baseURL!}?lang=en&date=2024-09-29&q=ziyang`));
  const frame = page.frameLocator('#app');
  await expect(frame.getByTestId('filter-count')).toHaveAttribute('data-count', /\d+/, { timeout: 45_000 });
  await page.evaluate(() => {
    const w = (document.getElementById('app') as HTMLIFrameElement).contentWindow!;
    w.postMessage({ type: 'cdmz:hello' }, '*');
    w.postMessage({ type: 'cdmz:set', state: { date: '2020-11-27' } }, '*');
  });
  // Typing in the search box does not reach the host either.
  await frame.getByRole('searchbox').fill('chengzi');
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { got: unknown[] }).got)).toEqual([]);
  const appFrame = page.frames().find((f) => f !== page.mainFrame())!;
  expect(await appFrame.evaluate(() => location.search)).toContain('date=2024-09-29');
});

test('framing: the embed withholds the search text until the host says cdmz:hello, then answers to its origin', async ({ page, baseURL }) => {
  stopHost = await openHost(page, LISTENING_HOST(`${baseURL!}?embed=1&lang=en&date=2024-09-29&q=ziyang`));
  await page.waitForFunction(() => (window as unknown as { got: StateMessage[] }).got.some((m) => m.dataStatus === 'ready'), undefined, { timeout: 45_000 });
  const before = await page.evaluate(() => (window as unknown as { got: StateMessage[] }).got);
  expect(before.every((m) => m.state.q === '' && m.queryWithheld)).toBe(true);
  expect(JSON.stringify(before)).not.toContain('ziyang"');
  await page.evaluate((origin) => {
    (document.getElementById('app') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'cdmz:hello' }, origin);
  }, new URL(baseURL!).origin);
  await page.waitForFunction(() => (window as unknown as { got: StateMessage[] }).got.some((m) => m.state.q === 'ziyang'));
  const last = await page.evaluate(() => (window as unknown as { got: StateMessage[] }).got.at(-1)!);
  expect(last.queryWithheld).toBe(false);
  expect(last.visibleProjectIds).toContain('ziyang-line');
});

test('honest counts in the panel at 2020-11-27: on the map, no record yet, in both languages', async ({ page }) => {
  await openApp(page, '?lang=en&date=2020-11-27');
  const count = page.getByTestId('filter-count');
  await expect(count).toHaveAttribute('data-count', /^\d+$/, { timeout: 45_000 });
  const n = Number(await count.getAttribute('data-count'));
  const onMap = Number(await count.getAttribute('data-on-map'));
  const noRecord = Number(await count.getAttribute('data-no-record'));
  const noLocation = Number(await count.getAttribute('data-no-location'));
  expect(onMap + noRecord + noLocation).toBe(n);
  expect(noRecord).toBeGreaterThan(onMap);
  await expect(count).toContainText(`${n} of ${n} projects match`);
  await expect(page.getByTestId('filter-count-parts')).toContainText(`${onMap} on the map · ${noRecord} with no record yet on this date`);
  // The list still lists them all (the list is what matches; the map draws what has a record).
  await expect(page.getByTestId('project-list').locator('[data-project-id]')).toHaveCount(n);
  await openApp(page, '?date=2020-11-27');
  // The panels render after the first map view (lazy): allow for a slow, shared machine.
  await expect(page.getByTestId('filter-count-parts')).toContainText(`地图上 ${onMap} 个，${noRecord} 个截至此日尚无记录`, { timeout: 45_000 });
});

test('the embed code stores the framed bounds: 320, 600 and 1200 px wide embeds all show them', async ({ page }) => {
  const bbox = [104.3, 30.2, 104.7, 30.45] as const;
  for (const width of [320, 600, 1200]) {
    await page.setViewportSize({ width, height: 520 });
    await openEmbed(page, `&lang=en&bbox=${bbox.join(',')}`);
    const shown = await page.evaluate(() => {
      const b = window.__cdmzMap?.getBounds();
      return b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] : null;
    });
    expect(shown).not.toBeNull();
    const [w, s, e, n] = shown as number[];
    // The stored bounds are inside what the map shows, and framed (not a far-out desktop zoom).
    expect(w! <= bbox[0] && s! <= bbox[1] && e! >= bbox[2] && n! >= bbox[3]).toBe(true);
    expect(Math.max((e! - w!) / (bbox[2] - bbox[0]), (n! - s!) / (bbox[3] - bbox[1]))).toBeLessThan(6);
  }
});
