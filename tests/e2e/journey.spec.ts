/**
 * Issue 13 §1 (panel side), §3, §4 (embed header), §6 and issue 15 §7: the reader's journey —
 * selection as a visible event, Back, slim map furniture, time (Play, today, the exact date),
 * one date in force everywhere.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, openEmbed, waitForLayoutSettled } from './driver';

const panelTop = (page: Page) => page.locator('#project-panel').evaluate((p) => p.scrollTop);

/** The details' top relative to the panel's visible top (px); small and ≥ 0 means "at their top". */
async function detailsOffset(page: Page): Promise<number> {
  return page.evaluate(() => {
    const panel = document.querySelector('#project-panel')!;
    const details = document.querySelector('[data-testid="detail-panel"]')!;
    return details.getBoundingClientRect().top - panel.getBoundingClientRect().top;
  });
}

test('choosing a row far down the list brings the details into view at their top, focuses their heading and announces it; Back restores the list', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, '?lang=en');
  await waitForLayoutSettled(page);
  const row = page.locator('[data-project-id]').nth(40);
  await row.scrollIntoViewIfNeeded();
  const before = await panelTop(page);
  expect(before).toBeGreaterThan(1500);
  const id = await row.getAttribute('data-project-id');
  await row.click();
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-project', id!);
  await expect.poll(() => detailsOffset(page)).toBeLessThan(40);
  expect(await detailsOffset(page)).toBeGreaterThanOrEqual(0);
  await expect(page.locator('#detail-title')).toBeFocused();
  const name = (await page.locator('#detail-title').textContent())!;
  const status = (await page.getByTestId('detail-status').locator('strong').first().textContent())!;
  await expect(page.getByTestId('selection-announcement')).toHaveText(`${name}, ${status}`);
  await expect(page.getByTestId('selection-announcement')).toHaveAttribute('aria-live', 'polite');
  // Back: no selection, the list where it was, focus on the row that was chosen.
  await page.goBack();
  await expect(page.getByTestId('detail-panel')).toHaveCount(0);
  await expect.poll(() => panelTop(page)).toBeGreaterThan(before - 40);
  expect(await panelTop(page)).toBeLessThan(before + 40);
  await expect(page.locator(`[data-project-id="${id}"]`).first()).toBeFocused();
});

test('a selection made after another one, then Back, returns to the first one at the same place', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, '?lang=en&sel=ziyang-line');
  await waitForLayoutSettled(page);
  await page.locator('[data-project-id]').nth(30).click();
  await expect(page.locator('#detail-title')).toBeFocused();
  await page.goBack();
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-project', 'ziyang-line');
  await expect.poll(() => detailsOffset(page)).toBeLessThan(40);
});

test('a permalink opens with the details in view, without taking focus', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, '?lang=en&sel=ziyang-line');
  await expect(page.getByTestId('detail-panel')).toBeVisible();
  expect(await detailsOffset(page)).toBeLessThan(60);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});

test('on a phone a choice from the expanded sheet shows the details at the sheet top, below its handle', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, '?lang=en');
  await page.getByTestId('sheet-handle').click();
  await waitForLayoutSettled(page);
  const row = page.locator('[data-project-id]').nth(25);
  await row.scrollIntoViewIfNeeded();
  await row.click();
  await expect(page.locator('#detail-title')).toBeFocused();
  const handle = (await page.getByTestId('sheet-handle').boundingBox())!;
  await expect.poll(async () => (await page.locator('#detail-title').boundingBox())!.y).toBeGreaterThanOrEqual(handle.y + handle.height - 1);
  expect((await page.locator('#detail-title').boundingBox())!.y).toBeLessThan(handle.y + handle.height + 60);
  // The collapsed sheet's height is published for the map's framing (contract 3).
  const collapsed = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--sheet-collapsed')));
  expect(collapsed).toBeGreaterThan(150);
});

test('Play keeps one history entry for the whole play-through and runs to today', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, '?lang=en&date=2024-01-01');
  await waitForLayoutSettled(page);
  const slider = page.getByTestId('date-slider');
  const today = await page.evaluate(() => Math.floor(Date.now() / 86_400_000));
  expect(Number(await slider.getAttribute('max'))).toBe(today);
  const entries = await page.evaluate(() => history.length);
  await page.getByTestId('date-play').click();
  await expect.poll(async () => Number(await slider.inputValue()), { timeout: 10_000 }).toBeGreaterThan(Math.round(Date.parse('2024-03-01') / 86_400_000));
  await page.getByTestId('date-play').click();
  await expect(page.getByTestId('date-play')).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  await page.goBack();
  await expect(page.getByTestId('as-of-date')).toHaveAttribute('data-date', '2024-01-01');
});

test('the exact date field sets the date; out of range it explains and changes nothing', async ({ page }) => {
  await openApp(page, '?lang=en&sel=ziyang-line');
  await waitForLayoutSettled(page);
  const field = page.getByTestId('date-exact');
  await expect(field).toHaveAccessibleName('Exact date');
  await field.fill('2021-03-01');
  await expect(page.getByTestId('as-of-date')).toHaveAttribute('data-date', '2021-03-01');
  await expect(page.getByTestId('as-of-date')).toHaveText('As of 1 Mar 2021');
  await field.fill('2001-01-01');
  await expect(page.getByTestId('date-exact-error')).toContainText('outside the timeline');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('as-of-date')).toHaveAttribute('data-date', '2021-03-01');
});

for (const date of ['1999-01-01', '2099-01-01']) {
  test(`a link dated ${date} shows one date in force in the slider, the field, the details and the summary`, async ({ page }) => {
    await openApp(page, `?lang=en&sel=ziyang-line&date=${date}`);
    await waitForLayoutSettled(page);
    const inForce = (await page.getByTestId('as-of-date').getAttribute('data-date'))!;
    expect(inForce).not.toBe(date);
    const label = (await page.getByTestId('as-of-date').textContent())!.replace('As of ', '');
    await expect(page.getByTestId('date-exact')).toHaveValue(inForce);
    expect(Number(await page.getByTestId('date-slider').inputValue())).toBe(Math.round(Date.parse(inForce) / 86_400_000));
    await expect(page.getByTestId('detail-status')).toContainText(`Status on ${label}`);
    await expect(page.getByTestId('status-summary')).toContainText(label);
    await expect(page.getByTestId('date-note')).toContainText(date);
  });
}

test('the legend starts closed where it would cover much of the map, open on a big screen; it is marked as covering the map', async ({ page }) => {
  for (const [w, h, open] of [[1920, 1080, true], [1440, 900, false], [1280, 800, false], [768, 1024, false], [390, 844, false]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await openApp(page, '?lang=en');
    await waitForLayoutSettled(page);
    const legend = page.getByTestId('legend');
    expect(await legend.evaluate((d: HTMLDetailsElement) => d.open), `${w}×${h}`).toBe(open);
    const share = await page.evaluate(() => {
      const map = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
      const box = document.querySelector('[data-covers-map] .legend')!.getBoundingClientRect();
      return (box.width * box.height) / (map.width * map.height);
    });
    expect(share, `${w}×${h}`).toBeLessThan(open ? 0.25 : 0.04);
    await expect(page.locator('.app-map__legend')).toHaveAttribute('data-covers-map', '');
    // The stale key is in the legend.
    await expect(page.getByTestId('legend-stale')).toHaveText('Faded: no report confirming the status for over 12 months');
  }
});

test('the attribution is one line clear of the scale bar, its ⓘ drawn once; the phone header fits 320 px', async ({ page }) => {
  for (const [w, h] of [[1280, 800], [390, 844], [320, 640]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await openApp(page, '');
    await waitForLayoutSettled(page);
    const attrib = (await page.locator('.maplibregl-ctrl-attrib').boundingBox())!;
    const scale = (await page.locator('.maplibregl-ctrl-scale').boundingBox())!;
    expect(attrib.height, `${w}`).toBeLessThanOrEqual(46);
    expect(attrib.x, `${w}: attribution clear of the scale bar`).toBeGreaterThanOrEqual(scale.x + scale.width);
    expect(await page.locator('.maplibregl-ctrl-attrib-button').evaluate((b) => getComputedStyle(b).backgroundRepeat)).toBe('no-repeat');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const lang = (await page.getByTestId('lang-switch').boundingBox())!;
    expect(lang.x + lang.width, `${w}: language button inside the page`).toBeLessThanOrEqual(w);
    for (const b of await page.locator('.app-header button').all()) {
      const box = (await b.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(w);
    }
  }
});

for (const width of [320, 600, 1200]) {
  test(`embed at ${width} px: one sources line, the selection named in the header`, async ({ page }) => {
    await page.setViewportSize({ width, height: 480 });
    await openEmbed(page, '&lang=en&sel=ziyang-line');
    await expect(page.getByTestId('sources-line')).toHaveCount(1);
    await expect(page.getByTestId('sources-line')).toContainText('OpenStreetMap');
    await expect(page.locator('.maplibregl-ctrl-attrib')).toBeHidden();
    await expect(page.getByTestId('embed-selected')).toContainText('Selected: Chengdu Metropolitan Area Rail Transit Ziyang Line');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    await expect(page.locator('.embed__legend')).toHaveAttribute('data-covers-map', '');
    expect(await page.getByTestId('legend').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    // The picture buttons side by side, the footer no taller than the sources' two lines and one row of tools.
    const one = (await page.getByTestId('picture-1x').boundingBox())!;
    const two = (await page.getByTestId('picture-2x').boundingBox())!;
    expect(Math.abs(one.y - two.y), `${width}: PNG 1× and 2× on one row`).toBeLessThan(2);
    const footer = (await page.locator('.embed__footer').boundingBox())!;
    expect(footer.height, `${width}: footer height`).toBeLessThanOrEqual(90);
  });
}
