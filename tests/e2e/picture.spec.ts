/**
 * Issue 6 §4: the PNG export, in the full app and the embed — right size (the map's size × scale),
 * a file name with the date, a picture that is not blank, and the map left as it was.
 */
import { expect, test } from '@playwright/test';
import { downloadPicture, mapSizeCss, openApp, openEmbed, waitForMapSettled } from './driver';

test('PNG 1× from the full app has the map size and the as-of date in its name', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 760 });
  await openApp(page, '?lang=en&date=2024-09-29');
  await waitForMapSettled(page);
  const size = await mapSizeCss(page);
  const picture = await downloadPicture(page, 1);
  expect(picture.fileName).toBe('cdmz-atlas-2024-09-29.png');
  expect([picture.width, picture.height]).toEqual([size.width, size.height]);
  expect(picture.sampledColours).toBeGreaterThan(20);
  await expect(page.getByTestId('picture-status')).toHaveText('Picture downloaded: cdmz-atlas-2024-09-29.png');
});

test('PNG 2× from the embed is twice the map size, and the map returns to its own pixel ratio', async ({ page }) => {
  await page.setViewportSize({ width: 480, height: 600 });
  await openEmbed(page, '&date=2023-12-31&cat=rail');
  await waitForMapSettled(page);
  const ratioBefore = await page.evaluate(() => window.__cdmzMap?.getPixelRatio());
  const size = await mapSizeCss(page);
  const picture = await downloadPicture(page, 2);
  expect(picture.fileName).toBe('cdmz-atlas-2023-12-31@2x.png');
  expect([picture.width, picture.height]).toEqual([size.width * 2, size.height * 2]);
  expect(picture.sampledColours).toBeGreaterThan(20);
  expect(await page.evaluate(() => window.__cdmzMap?.getPixelRatio())).toBe(ratioBefore);
  expect(await page.evaluate(() => window.__cdmzMap?.getCanvas().width)).toBe(size.width * (ratioBefore ?? 1));
});
