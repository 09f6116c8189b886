/**
 * Issue 6 §8: without WebGL the page says so clearly, and the list, filters and details still work.
 */
import { expect, test } from '@playwright/test';
import { disableWebgl, selectProjectInList, watchPage } from './driver';

test.beforeEach(async ({ page }) => {
  await disableWebgl(page);
});

test('without WebGL: a clear message, and the list, filters and details still work', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('./?lang=en');
  await expect(page.getByRole('alert')).toContainText('This browser cannot show the map (no WebGL)');
  const count = page.getByTestId('filter-count');
  await expect(count).toHaveAttribute('data-count', /^\d+$/);
  const all = Number(await count.getAttribute('data-count'));
  expect(all).toBeGreaterThan(10);
  await expect(page.locator('[data-project-id]')).toHaveCount(all);

  // The still picture in the map's place follows the filters: only rail projects' marks stay.
  const poster = page.getByTestId('map-poster');
  const marks = async () => poster.evaluate((el) => [...el.querySelectorAll('[data-p]')].filter((m) => getComputedStyle(m).display !== 'none').map((m) => m.getAttribute('data-p')));
  const before = new Set(await marks());
  expect(before.size).toBeGreaterThan(10);
  await page.getByTestId('filter-category-rail').check();
  await expect.poll(async () => Number(await count.getAttribute('data-count'))).toBeLessThan(all);
  const railIds = await page.locator('[data-project-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project-id')));
  const after = new Set(await marks());
  expect(after.size).toBeGreaterThan(0);
  expect(after.size).toBeLessThan(before.size);
  for (const id of after) expect(railIds).toContain(id);
  await expect(page.locator('.map-message')).not.toContainText('still picture');
  const rail = Number(await count.getAttribute('data-count'));
  await expect(page.locator('[data-project-id]')).toHaveCount(rail);
  await expect(page).toHaveURL(/cat=rail/);

  await selectProjectInList(page, 'ziyang-line');
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-project', 'ziyang-line');
  await expect(page.getByTestId('detail-status')).toBeVisible();
  await expect(page.getByTestId('detail-timeline')).toBeVisible();

  // Its statuses are the default date's: on another date the message says so.
  await page.getByTestId('date-exact').fill('2024-09-29');
  await expect(page).toHaveURL(/date=2024-09-29/);
  await expect(page.locator('.map-message')).toContainText(/The still picture shows the statuses of \d+ \w+ \d{4}; it does not follow the date\./);
  // No picture can be made without a map, ever: no picture buttons (the map's message says why).
  await expect(page.getByTestId('picture-1x')).toHaveCount(0);
  await expect(page.getByTestId('picture-status')).toHaveCount(0);
  expect(watch.errors).toEqual([]);
});

test('without WebGL the embed shows the message with its title, date and sources', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 500 });
  await page.goto('./?embed=1&lang=en&date=2024-09-29');
  await expect(page.getByRole('alert')).toContainText('no WebGL');
  // The article's date is not the still picture's: the message says what the picture shows.
  await expect(page.getByRole('alert')).toContainText('it does not follow the date');
  await expect(page.getByTestId('as-of-date')).toHaveText(/as of 29 Sept 2024/i);
  await expect(page.locator('.embed__sources')).toBeVisible();
  // The whole message is readable: nothing lies over it.
  const alertBox = (await page.getByRole('alert').boundingBox())!;
  const covering = await page.evaluate(({ x, y, width, height }) => {
    const points: [number, number][] = [[x + 4, y + 4], [x + width - 4, y + height - 4], [x + width / 2, y + height / 2]];
    return points.filter(([px, py]) => !document.elementFromPoint(px, py)?.closest('[role="alert"]')).length;
  }, alertBox);
  expect(covering).toBe(0);
  await expect(page.getByTestId('picture-1x')).toHaveCount(0);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
});

test('a Chromium started with --disable-webgl --disable-3d-apis gets the message and a working list', async ({ playwright, baseURL }) => {
  const browser = await playwright.chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-webgl', '--disable-3d-apis', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ baseURL });
    await page.goto('./?lang=en');
    await expect(page.getByRole('alert')).toContainText('no WebGL');
    await selectProjectInList(page, 'ziyang-line');
    await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-project', 'ziyang-line');
  } finally {
    await browser.close();
  }
});
