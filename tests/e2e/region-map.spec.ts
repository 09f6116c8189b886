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
