/**
 * Issue 2: the offline region map in a real Chromium against the built app.
 */
import { expect, test } from '@playwright/test';
import { layerTextField, openApp, renderedValues, switchLanguage, waitForMapSettled, watchPage } from './driver';

test('renders the county polygons of all four cities from local data', async ({ page }) => {
  await openApp(page);
  await waitForMapSettled(page);
  const counties = await renderedValues(page, ['county-border'], 'code');
  const cities = await renderedValues(page, ['city-fill'], 'city');
  expect(cities).toEqual(['chengdu', 'deyang', 'meishan', 'ziyang']);
  expect(counties.length).toBe(35);
  expect(await page.evaluate(() => typeof window.__mapIdle)).toBe('number');
});

test('the title and summary are text in the page before the map is drawn', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('成德眉资同城化地图');
  await expect(page.locator('.app-header__summary')).toBeVisible();
});

test('switching language changes the labels and the URL', async ({ page }) => {
  await openApp(page);
  expect(JSON.stringify(await layerTextField(page, 'county-label'))).toContain('name_zh');
  await switchLanguage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CDMZ Atlas');
  await expect(page).toHaveURL(/[?&]lang=en/);
  expect(JSON.stringify(await layerTextField(page, 'county-label'))).toContain('name_en');
  expect(JSON.stringify(await layerTextField(page, 'city-label'))).toContain('name_en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('lang=en in the URL starts in English; a bad lang value falls back to Chinese', async ({ page }) => {
  await page.goto('./?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CDMZ Atlas');
  await page.goto('./?lang=xx');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('成德眉资同城化地图');
});

test('no request leaves 127.0.0.1 and the console stays free of errors', async ({ page }) => {
  const watch = watchPage(page);
  await openApp(page, '?sel=ziyang-line');
  await waitForMapSettled(page);
  await switchLanguage(page);
  await waitForMapSettled(page);
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('the first view fits the region, with a scale bar and an attribution', async ({ page }) => {
  await openApp(page);
  const bounds = await page.evaluate(() => window.__cdmzMap?.getBounds().toArray());
  expect(bounds).toBeTruthy();
  const [[w, s], [e, n]] = bounds as [[number, number], [number, number]];
  expect(w).toBeLessThanOrEqual(102.9);
  expect(e).toBeGreaterThanOrEqual(105.7);
  expect(s).toBeLessThanOrEqual(29.45);
  expect(n).toBeGreaterThanOrEqual(31.65);
  await expect(page.locator('.maplibregl-ctrl-scale')).toBeVisible();
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('OpenStreetMap', { useInnerText: false });
});

test("the map's attribution and control labels are in the page's language, and follow a switch", async ({ page }) => {
  await openApp(page);
  const attrib = page.locator('.maplibregl-ctrl-attrib');
  const osm = attrib.locator('a[href="https://www.openstreetmap.org/copyright"]');
  await expect(attrib).toContainText('来源', { useInnerText: false });
  await expect(osm).toHaveText('© OpenStreetMap 贡献者');
  await expect(attrib).not.toContainText('Boundaries', { useInnerText: false });
  await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('aria-label', '放大');
  await expect(page.locator('.maplibregl-ctrl-attrib-button')).toHaveAttribute('aria-label', '显示或隐藏署名');
  // Folded by the reader (ⓘ): it stays folded in the other language.
  await page.setViewportSize({ width: 600, height: 800 });
  await expect(attrib).toHaveClass(/maplibregl-compact/);
  if ((await attrib.getAttribute('class'))?.includes('maplibregl-compact-show')) await page.locator('.maplibregl-ctrl-attrib-button').click();
  await expect(attrib).not.toHaveClass(/maplibregl-compact-show/);
  await switchLanguage(page);
  await expect(attrib).toHaveClass(/maplibregl-compact/);
  await expect(attrib).not.toHaveClass(/maplibregl-compact-show/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(attrib).toHaveCount(1);
  await expect(attrib).toContainText('Sources', { useInnerText: false });
  await expect(osm).toHaveText('© OpenStreetMap contributors');
  await expect(attrib).not.toContainText('来源', { useInnerText: false });
  await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('aria-label', 'Zoom in');
  await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('title', 'Zoom in');
  await expect(page.locator('.maplibregl-ctrl-zoom-out')).toHaveAttribute('aria-label', 'Zoom out');
  await expect(page.locator('.maplibregl-ctrl-attrib-button')).toHaveAttribute('aria-label', 'Show or hide the attribution');
  await expect(page.locator('.maplibregl-canvas')).toHaveAttribute('aria-label', /\S/);
  expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).not.toMatch(/[\u4e00-\u9fff]/);
});

test('on a phone, expanding the project sheet folds the attribution over the short map; its button unfolds it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await waitForMapSettled(page);
  const attrib = page.locator('.maplibregl-ctrl-attrib');
  // As MapLibre shows it when the map appears: unfolded.
  await expect(attrib).toHaveClass(/maplibregl-compact-show/);
  await page.getByTestId('sheet-handle').click();
  await expect(page.locator('.app-panel')).toHaveAttribute('data-sheet', 'expanded');
  // The sheet slides up: the map is short once it has.
  await expect.poll(() => page.locator('.maplibregl-map').evaluate((el) => el.clientHeight)).toBeLessThan(200);
  await expect(attrib).not.toHaveClass(/maplibregl-compact-show/);
  // Folded, it is its 44 px button and covers no more of the map than that.
  const box = await attrib.boundingBox();
  expect(box?.width).toBeLessThanOrEqual(46);
  await page.locator('.maplibregl-ctrl-attrib-button').click();
  await expect(attrib).toHaveClass(/maplibregl-compact-show/);
  await expect(attrib).toContainText('OpenStreetMap', { useInnerText: false });
});
