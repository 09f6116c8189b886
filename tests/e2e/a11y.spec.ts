/**
 * Issue 6 §6–7 and issue 13 §9: axe-core with EVERY rule enabled (WCAG, best practice, AAA,
 * experimental; see driver.ts) on the full, phone, dialog, picture-export and embed layouts, keyboard use,
 * visible focus, the announced date slider, reduced motion, and the phone bottom sheet with
 * tap targets of at least 44 px.
 */
import { expect, test } from '@playwright/test';
import { axeViolations, downloadPicture, openApp, openEmbed, openEmbedDialog, waitForLayoutSettled, waitForMapSettled } from './driver';

test('axe finds no violations in the full layout with a project selected', async ({ page }) => {
  await openApp(page, '?sel=ziyang-line');
  await waitForMapSettled(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('axe finds no violations in the full layout in English with filters on', async ({ page }) => {
  await openApp(page, '?lang=en&cat=rail&status=complete&corridor=belt-chengzi-airport&within=10');
  expect(await axeViolations(page)).toEqual([]);
});

test('axe finds no violations in the embed layout, legend closed and open', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 560 });
  await openEmbed(page, '&lang=en');
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('.legend__title').click();
  expect(await axeViolations(page)).toEqual([]);
});

test('axe finds no violations in the embed-code dialog', async ({ page }) => {
  await openApp(page, '?lang=en');
  await openEmbedDialog(page);
  await expect(page.frameLocator('[data-testid=embed-preview]').locator('h1')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('axe finds no violations on a phone, with the bottom sheet expanded', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openApp(page, '?sel=ziyang-line');
  await page.getByTestId('sheet-handle').click();
  await waitForLayoutSettled(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('axe finds no violations on a big screen in Chinese with the legend open and a project selected', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, '?sel=ziyang-line');
  await waitForLayoutSettled(page);
  expect(await page.getByTestId('legend').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
});

test('axe finds no violations after a picture export has said its result, and with the exact date field in error', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, '?lang=en&cat=rail');
  await waitForMapSettled(page);
  await downloadPicture(page, 1);
  await expect(page.getByTestId('picture-status')).toContainText('Picture downloaded');
  await page.getByTestId('date-exact').fill('2001-01-01');
  await expect(page.getByTestId('date-exact-error')).not.toBeEmpty();
  expect(await axeViolations(page)).toEqual([]);
});

test('axe finds no violations on a phone with the sheet collapsed, 320 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openApp(page, '?sel=ziyang-line');
  await waitForLayoutSettled(page);
  expect(await axeViolations(page)).toEqual([]);
});

for (const width of [320, 600, 1200]) {
  test(`axe finds no violations in the ${width} px embed with a selection, in Chinese`, async ({ page }) => {
    await page.setViewportSize({ width, height: 480 });
    await openEmbed(page, '&sel=ziyang-line');
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('keyboard alone: skip link, visible focus, and the date slider announces its value', async ({ page }) => {
  await openApp(page, '?lang=en');
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  // Every focused control shows an outline.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const cs = getComputedStyle(el);
      return { tag: el.tagName, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
    });
    expect(outline.style, `focus outline on ${outline.tag}`).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  }
  const slider = page.getByTestId('date-slider');
  await slider.focus();
  const before = await slider.getAttribute('aria-valuetext');
  await page.keyboard.press('PageUp');
  await expect(slider).not.toHaveAttribute('aria-valuetext', before ?? '');
  const announced = await slider.getAttribute('aria-valuetext');
  expect(announced).toMatch(/^As of \d{1,2} \w+ \d{4}$/i);
  await expect(page.locator('output.date-slider__value')).toHaveText(announced ?? '');
  await expect(page.locator('output.date-slider__value')).toHaveAttribute('aria-live', 'polite');
});

test('keyboard alone: choosing a project in the list shows its details (the non-map alternative)', async ({ page }) => {
  await openApp(page, '?lang=en');
  const item = page.locator('[data-project-id="ziyang-line"]').first();
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-project', 'ziyang-line');
  await expect(page.getByTestId('detail-status')).toBeVisible();
});

test('reduced motion: the bottom sheet does not animate', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 375, height: 740 });
  await openApp(page);
  expect(await page.locator('.app-main').evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await page.locator('.app-main').evaluate((el) => getComputedStyle(el).transitionDuration)).not.toBe('0s');
});

test('on a phone the panel is a bottom sheet under a visible map, opened by its handle', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openApp(page, '?lang=en');
  const handle = page.getByTestId('sheet-handle');
  await expect(handle).toBeVisible();
  await expect(handle).toHaveAttribute('aria-expanded', 'false');
  const map = page.getByTestId('map');
  const panel = page.locator('#project-panel');
  const collapsed = (await panel.boundingBox())!;
  const mapBox = (await map.boundingBox())!;
  expect(mapBox.height).toBeGreaterThan(150);
  expect(collapsed.y).toBeGreaterThanOrEqual(mapBox.y + mapBox.height - 1);
  expect(collapsed.y + collapsed.height).toBeLessThanOrEqual(740 + 1);
  await handle.click();
  await expect(handle).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(async () => (await panel.boundingBox())!.height).toBeGreaterThan(collapsed.height + 100);
  await expect.poll(async () => (await map.boundingBox())!.height).toBeGreaterThan(40);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  // The desktop layout has no handle.
  await page.setViewportSize({ width: 1200, height: 800 });
  await expect(handle).toBeHidden();
});

test('on a phone every tap target is at least 44 px high', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openApp(page, '?lang=en&sel=ziyang-line');
  await page.getByTestId('sheet-handle').click();
  const small = await page.evaluate(() => {
    const targets = document.querySelectorAll<HTMLElement>(
      'button, select, summary, input:not([type=checkbox]):not([type=radio]), label:has(> input[type=checkbox]), label:has(> input[type=radio]), .embed__open',
    );
    const out: string[] = [];
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.visually-hidden, .skip-link')) continue;
      if (r.height < 44 - 0.5) out.push(`${el.tagName}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
  expect(small).toEqual([]);
});
