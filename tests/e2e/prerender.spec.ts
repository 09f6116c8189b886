/**
 * Issue 12 §1–2: the built page carries the default view (prerendered) and the poster map; the
 * client hydrates it without a mismatch; another view in the URL never shows the default view's
 * content; without script the list, statuses and sources can be read.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForMapIdle, watchPage } from './driver';

/** Console messages that mean React and the prerendered page disagree. */
function hydrationProblems(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    const t = m.text();
    if (m.type() === 'error' || /hydrat|did not match|418|423|425/i.test(t)) seen.push(`${m.type()}: ${t}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  return seen;
}

/** Holds back the requests whose path matches `pattern` until the returned function is called. */
async function holdBack(page: Page, pattern: RegExp): Promise<{ release: () => void; asked: () => boolean }> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let asked = false;
  await page.route(pattern, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  return { release, asked: () => asked };
}

/** React's code (the mount chunk): held, the page is the prerendered HTML alone. */
const REACT_CODE = /\/assets\/mount-[\w-]+\.js$/;

test('the HTML itself has the default view: header, legend, filters, list with statuses, the date, the poster', async ({ request }) => {
  const html = await (await request.get('./')).text();
  expect(html).toContain('data-prerendered="default"');
  expect(html).toContain('成德眉资同城化地图');
  expect(html).toMatch(/class="legend[^"]*"/);
  expect(html).toContain('data-testid="filter-panel"');
  const rows = html.match(/class="project-list__row"/g) ?? [];
  expect(rows.length).toBeGreaterThan(10);
  expect(html).toMatch(/class="project-list__status" data-status="(planned|preparatory|under-construction|partly-open|complete)"/);
  expect(html).toMatch(/截至 \d{4}年\d{1,2}月\d{1,2}日/);
  expect(html).toMatch(/<div class="map-poster"[^>]*><svg/);
  // CSP: no inline style attribute, no inline script.
  expect(html).not.toMatch(/ style="/);
  expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
});

test('content first: the HTML preloads nothing; data, shell and map code are fetched after the first contentful paint', async ({ page, request }) => {
  const html = await (await request.get('./')).text();
  expect(html).not.toMatch(/rel="(modulepreload|preload)"/);
  // The first frame is the whole prerendered view (not the header alone): render-blocking until
  // the element after the prerendered root is parsed.
  expect(html).toMatch(/<link rel="expect" href="#root-end" blocking="render"/);
  expect(html.indexOf('id="root-end"')).toBeGreaterThan(html.indexOf('data-testid="filter-count-parts"'));
  await page.goto('./');
  await waitForMapIdle(page);
  const t = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const mark = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    const starts = performance
      .getEntriesByType('resource')
      .filter((r) => /\/data\/(projects|region\.topo|sources)\.json$|\/assets\/(mount|map-owner)-[\w-]+\.js$/.test(r.name))
      .map((r) => ({ name: r.name.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '.js'), start: r.startTime }));
    return { fcp, firstPaintMark: mark('cdmz:first-paint'), mapNew: mark('cdmz:map-new'), hydrate: mark('cdmz:hydrate'), starts };
  });
  expect(t.fcp).not.toBeNull();
  expect(t.starts.map((s) => s.name).sort()).toEqual(['map-owner.js', 'mount.js', 'projects.json', 'region.topo.json', 'sources.json']);
  for (const s of t.starts) expect(s.start, s.name).toBeGreaterThanOrEqual(t.fcp as number);
  expect(t.firstPaintMark).toBeGreaterThanOrEqual(t.fcp as number);
  expect(t.hydrate).toBeGreaterThan(t.firstPaintMark as number);
  expect(t.mapNew).toBeGreaterThan(t.firstPaintMark as number);
});

test('the deferred panels do not move the list: styled from the first paint, and whole in a view rendered afresh', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const heights = () =>
    page.evaluate(() => ['.app-panel > .summary', '.app-panel > .exports', '.app-panel > .project-list'].map((sel) => Math.round(document.querySelector(sel)?.getBoundingClientRect().height ?? -1)));
  const codeIn = () =>
    page.waitForFunction(() => performance.getEntriesByType('resource').filter((r) => /\/assets\/(status-summary|export-buttons)-[\w-]+\.js$/.test(r.name)).length === 2);
  // The default view: the prerendered summary and export tools keep their size when their code arrives.
  await page.goto('./');
  await page.waitForFunction(() => document.documentElement.classList.contains('hydrated'));
  const before = await heights();
  expect(before.every((h) => h > 0)).toBe(true);
  await codeIn();
  await waitForMapIdle(page);
  await page.waitForTimeout(300);
  expect(await heights()).toEqual(before);
  // Another view: rendered afresh with the summary and the export tools in its first frame.
  await page.goto('./?lang=en');
  await page.waitForFunction(() => document.documentElement.classList.contains('hydrated'));
  const first = await heights();
  expect(first.every((h) => h > 0)).toBe(true);
  await waitForMapIdle(page);
  await page.waitForTimeout(300);
  expect(await heights()).toEqual(first);
});

for (const query of ['', '?lang=en']) {
  test(`hydrates ${query || 'the default view'} with no console error or hydration warning, and works`, async ({ page }) => {
    const problems = hydrationProblems(page);
    const watch = watchPage(page);
    await page.goto(`./${query}`);
    await waitForMapIdle(page);
    // The default view hydrates the prerendered page; another renders afresh.
    const how = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n === 'cdmz:hydrate' || n === 'cdmz:render'));
    expect(how).toEqual([query ? 'cdmz:render' : 'cdmz:hydrate']);
    // The map's slot is the one region named "Map", in the page's language (contract 4).
    await expect(page.getByRole('region', { name: query ? 'Map' : '地图', exact: true })).toHaveCount(1);
    await expect(page.getByTestId('map')).toHaveAttribute('aria-label', query ? 'Map' : '地图');
    // The poster gives way to the live map once it has drawn (the owner hides it at the first idle).
    await expect(page.getByTestId('map-poster')).toBeHidden();
    await expect(page.locator('html')).not.toHaveClass(/view-pending/);
    // Nothing the reader did not do was replayed at hydration (early-input.ts): the view is as asked.
    expect(await page.evaluate(() => window.location.search)).toBe(query);
    // Interactive: a filter narrows the list.
    const count = page.getByTestId('filter-count');
    const all = Number(await count.getAttribute('data-count'));
    await page.getByTestId('filter-category-rail').check();
    await expect.poll(async () => Number(await count.getAttribute('data-count'))).toBeLessThan(all);
    if (query) await expect(page.getByRole('heading', { level: 1 })).toHaveText('CDMZ Atlas');
    expect(problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
}

test('a tap while React hydrates is not lost: the filter it checks is applied once hydration is done', async ({ page }) => {
  const problems = hydrationProblems(page);
  // A slow phone's CPU, so that the tap lands while React is still hydrating (in slices).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.goto('./', { waitUntil: 'commit' });
  const count = page.getByTestId('filter-count');
  // The tap goes to the prerendered checkbox in the first task after hydration has started (the
  // page's own element, not one Playwright would look up again after React replaced it).
  const tap = await page.evaluate(
    () =>
      new Promise<{ hydrated: boolean; all: number }>((resolve) => {
        const tick = () => {
          if (performance.getEntriesByName('cdmz:hydrate').length === 0) return void setTimeout(tick, 0);
          const all = Number(document.querySelector('[data-testid="filter-count"]')?.getAttribute('data-count'));
          const hydrated = document.documentElement.classList.contains('hydrated');
          document.querySelector<HTMLInputElement>('[data-testid="filter-category-rail"]')?.click();
          resolve({ hydrated, all });
        };
        tick();
      }),
  );
  expect(tap.hydrated, 'the tap came before hydration finished').toBe(false);
  const all = tap.all;
  expect(all).toBeGreaterThan(0);
  await expect(page.locator('html')).toHaveClass(/hydrated/, { timeout: 60_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page.getByTestId('filter-category-rail')).toBeChecked();
  await expect.poll(async () => Number(await count.getAttribute('data-count'))).toBeLessThan(all);
  const railOnly = Number(await count.getAttribute('data-count'));
  expect(railOnly).toBeGreaterThan(0);
  await expect(page.locator('.project-list__row')).toHaveCount(railOnly);
  await expect(page).toHaveURL(/cat=rail/);
  expect(problems).toEqual([]);
});

test('taps, typing and a chosen option on the prerendered page before React has it are applied once it hydrates', async ({ page }) => {
  const problems = hydrationProblems(page);
  // Hold React's code back: the page is the prerendered HTML, its controls work natively only.
  const { release } = await holdBack(page, REACT_CODE);
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  const count = page.getByTestId('filter-count');
  const all = Number(await count.getAttribute('data-count'));
  await page.getByTestId('filter-category-rail').click();
  await page.getByTestId('filter-search').fill('资阳');
  await page.getByTestId('filter-corridor').selectOption('belt-chengzi-airport');
  await expect(page.locator('html')).not.toHaveClass(/hydrated/);
  // The page shows it has the input and is getting ready (a bar along the top).
  await expect(page.locator('html')).toHaveAttribute('data-early-input', '');
  expect(await page.evaluate(() => getComputedStyle(document.body, '::before').height)).toBe('4px');
  release();
  await expect(page.locator('html')).toHaveClass(/hydrated/, { timeout: 30_000 });
  await expect(page.locator('html')).not.toHaveAttribute('data-early-input');
  await expect(page).toHaveURL(/cat=rail/);
  await expect(page).toHaveURL(/q=/);
  await expect(page).toHaveURL(/corridor=belt-chengzi-airport/);
  await expect(page.getByTestId('filter-corridor')).toHaveValue('belt-chengzi-airport');
  await expect(page.getByTestId('filter-category-rail')).toBeChecked();
  await expect(page.getByTestId('filter-search')).toHaveValue('资阳');
  await expect.poll(async () => Number(await count.getAttribute('data-count'))).toBeLessThan(all);
  const matching = Number(await count.getAttribute('data-count'));
  expect(matching).toBeGreaterThan(0);
  await expect(page.locator('.project-list__row')).toHaveCount(matching);
  expect(problems).toEqual([]);
});

test('buttons pressed on the prerendered page before React has it are pressed once it hydrates, in order, once each', async ({ page }) => {
  const problems = hydrationProblems(page);
  const { release } = await holdBack(page, REACT_CODE);
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // A project in the list, then the sort direction twice (back where it was), then the language.
  const item = page.locator('.project-list__item').nth(2);
  const id = await item.getAttribute('data-project-id');
  expect(id).toBeTruthy();
  await expect(page.locator('html')).not.toHaveAttribute('data-early-input');
  await item.click();
  // The tap is acknowledged at once: a bar along the top until it has been carried out.
  await expect(page.locator('html')).toHaveAttribute('data-early-input', '');
  const direction = page.getByTestId('list-sort-direction');
  const startDirection = await direction.getAttribute('data-direction');
  await direction.click();
  await direction.click();
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).not.toHaveClass(/hydrated/);
  await expect(page).toHaveURL(/\/$/); // nothing happened yet: the page is still the HTML alone
  release();
  await expect(page.locator('html')).toHaveClass(/hydrated/, { timeout: 30_000 });
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-project', id as string);
  await expect(page).toHaveURL(new RegExp(`sel=${id}`));
  await expect(page).toHaveURL(/lang=en/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(direction).toHaveAttribute('data-direction', startDirection as string);
  await expect(page.locator('html')).not.toHaveAttribute('data-early-input');
  expect(problems).toEqual([]);
});

test('a change right after hydration, before the deferred panels have their code: they hydrate without a mismatch and show the new view', async ({ page }) => {
  const problems = hydrationProblems(page);
  // Hold the summary's code until the reader has changed the view.
  const { release, asked } = await holdBack(page, /\/assets\/status-summary-[\w-]+\.js$/);
  await page.goto('./');
  await expect(page.locator('html')).toHaveClass(/hydrated/);
  const summary = page.getByTestId('status-summary');
  await expect(summary).toContainText('概况');
  await page.getByTestId('filter-category-rail').click();
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The change asks for the code (lazy-panels.tsx: at once, without waiting for the map).
  await expect.poll(asked).toBe(true);
  release();
  await expect(summary).toContainText('Summary');
  await expect(summary).not.toContainText('概况');
  const railCount = Number(await page.getByTestId('filter-count').getAttribute('data-count'));
  await expect(summary).toContainText(String(railCount));
  expect(problems).toEqual([]);
});

test('another view in the URL never shows the default view: the panels stay hidden until it renders', async ({ page }) => {
  // Hold the page's scripts back: what shows meanwhile is the HTML and the head script's work.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?lang=en&cat=rail', { waitUntil: 'commit' });
  await page.waitForSelector('.project-list__row', { state: 'attached' });
  await expect(page.locator('html')).toHaveClass(/view-pending/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The Chinese default list and title are in the DOM but not visible.
  await expect(page.locator('.project-list__row').first()).toBeHidden();
  await expect(page.locator('.app-header__title')).toBeHidden();
  // The map's place shows the poster, its English labels.
  await expect(page.getByTestId('map-poster')).toBeVisible();
  await expect(page.locator('.map-poster .poster-city.poster-en').first()).toBeVisible();
  await expect(page.locator('.map-poster .poster-city.poster-zh').first()).toBeHidden();
  release();
  await expect(page.locator('html')).not.toHaveClass(/view-pending/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CDMZ Atlas');
  await expect(page).toHaveURL(/cat=rail/);
  const count = Number(await page.getByTestId('filter-count').getAttribute('data-count'));
  await expect(page.locator('[data-project-id]')).toHaveCount(count);
});

for (const [width, query] of [
  [360, './?embed=1'],
  [360, './?embed=1&sel=ziyang-line&lang=en'],
  [600, './?embed=1&sel=ziyang-line'],
  [1200, './?embed=1&lang=en'],
] as const) {
  test(`an embed's first frame at ${width} px (${query}) has the poster where the embed's map will be`, async ({ page }) => {
    await page.setViewportSize({ width, height: 480 });
    // Hold the scripts back: the first frame is the HTML, its styles and the head script.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/.*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(query, { waitUntil: 'commit' });
    await page.waitForSelector('.map-poster', { state: 'attached' });
    await expect(page.locator('html')).toHaveClass(/view-pending/);
    await expect(page.getByTestId('map-poster')).toBeVisible();
    const before = await page.getByTestId('map').boundingBox();
    release();
    await expect(page.locator('html')).not.toHaveClass(/view-pending/, { timeout: 30_000 });
    await expect(page.locator('.embed__footer')).toBeVisible();
    const after = await page.getByTestId('map').boundingBox();
    // Within a few pixels (the embed's header and footer on one line; a wrapped line is more).
    expect(Math.abs(before!.y - after!.y), 'top').toBeLessThanOrEqual(6);
    expect(Math.abs(before!.height - after!.height), 'height').toBeLessThanOrEqual(8);
    expect(Math.abs(before!.width - after!.width), 'width').toBeLessThanOrEqual(1);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the list, the statuses and their sources can be read; the map is a picture with a note', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('.noscript-note')).toBeVisible();
    await expect(page.locator('.noscript-note')).toContainText('需要 JavaScript');
    const rows = page.locator('.project-list__row');
    expect(await rows.count()).toBeGreaterThan(10);
    await expect(rows.first()).toBeVisible();
    await expect(rows.first().locator('.project-list__status')).toHaveText(/\S/);
    // Sources: each row with a recorded status names its source, as a link where it has one.
    const sources = page.locator('.project-list__source');
    expect(await sources.count()).toBeGreaterThan(10);
    await expect(sources.first()).toBeVisible();
    await expect(page.locator('.project-list__source a[href^="http"]').first()).toBeVisible();
    // The map's place: the poster and a note that the interactive map needs script.
    await expect(page.locator('.map-poster svg')).toBeVisible();
    await expect(page.locator('.map-poster__note')).toContainText('JavaScript');
    await expect(page.getByRole('region', { name: '地图' })).toHaveCount(1);
  });
});
