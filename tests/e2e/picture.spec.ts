/**
 * Issue 6 §4 and issue 13 §7: the PNG export, in the full app and the embed — the map at its size
 * × scale with the title and legend over it only while they cover at most a quarter of it (else
 * beside or below), one sources line under it, the active filters in words and the selected
 * project named; a file name with the date; a picture that is not blank; the map left as it was.
 * The layout is read from the composer (`data-picture-layout`), not sniffed from pixels.
 */
import { expect, test, type Page } from '@playwright/test';
import { downloadPicture, mapSizeCss, openApp, openEmbed, waitForMapSettled } from './driver';

interface Layout {
  mode: 'overlay' | 'beside' | 'below';
  width: number;
  height: number;
  map: { w: number; h: number };
  mapCovered: number;
  pictureShare: number;
  legend: { x: number; y: number; w: number; h: number } | null;
  footer: { y: number; h: number };
  lines: { title: string[]; date: string[]; selected: string[]; filters: string[] };
  legendKinds: string[];
}

async function pictureLayout(page: Page): Promise<Layout> {
  const text = await page.locator('[data-picture-layout]').first().getAttribute('data-picture-layout');
  return JSON.parse(text ?? 'null') as Layout;
}

test('PNG 1× from the full app: the map at its size, a dated name, title and legend over at most a quarter of it', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 760 });
  await openApp(page, '?lang=en&date=2024-09-29');
  await waitForMapSettled(page);
  const size = await mapSizeCss(page);
  const picture = await downloadPicture(page, 1);
  const layout = await pictureLayout(page);
  expect(picture.fileName).toBe('cdmz-atlas-2024-09-29.png');
  expect([layout.map.w, layout.map.h]).toEqual([size.width, size.height]);
  expect([picture.width, picture.height]).toEqual([Math.round(layout.width), Math.round(layout.height)]);
  expect(picture.height).toBeGreaterThan(size.height); // the sources line is under the map
  expect(layout.mapCovered).toBeLessThanOrEqual(0.25);
  expect(layout.footer.y).toBeGreaterThanOrEqual(size.height);
  expect(picture.sampledColours).toBeGreaterThan(20);
  await expect(page.getByTestId('picture-status')).toHaveText('Picture downloaded: cdmz-atlas-2024-09-29.png');
});

test('the picture keys the leader of a moved symbol exactly when the map draws one (opening view, then zoomed in)', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, '?lang=en');
  await waitForMapSettled(page);
  const leadersOnMap = () =>
    page.evaluate(() => {
      const map = (window as unknown as { __cdmzMap?: import('maplibre-gl').Map }).__cdmzMap;
      return (map?.queryRenderedFeatures({ layers: ['project-leader'] }) ?? []).filter((f) => (f.state as { shown?: boolean }).shown === true).length;
    });
  // The opening view fans the symbols around Jianyang and the airport out (issue 13 §4).
  expect(await leadersOnMap()).toBeGreaterThan(0);
  await downloadPicture(page, 1);
  expect((await pictureLayout(page)).legendKinds).toContain('leader');
  // Close in on an empty corner of the region: no symbol there, so no leader, and no key for it.
  await page.evaluate(() => {
    const map = (window as unknown as { __cdmzMap?: import('maplibre-gl').Map }).__cdmzMap;
    map?.jumpTo({ center: [103.2, 30.95], zoom: 12 });
  });
  await waitForMapSettled(page);
  expect(await leadersOnMap()).toBe(0);
  await downloadPicture(page, 1);
  expect((await pictureLayout(page)).legendKinds).not.toContain('leader');
});

test('PNG 2× from the embed is twice its layout, the map returns to its own pixel ratio, and nothing covers more than a quarter', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 400 });
  await openEmbed(page, '&date=2023-12-31&cat=rail&sel=ziyang-line');
  await waitForMapSettled(page);
  const ratioBefore = await page.evaluate(() => window.__cdmzMap?.getPixelRatio());
  const size = await mapSizeCss(page);
  const picture = await downloadPicture(page, 2);
  const layout = await pictureLayout(page);
  expect(picture.fileName).toBe('cdmz-atlas-2023-12-31@2x.png');
  expect([picture.width, picture.height]).toEqual([Math.round(layout.width * 2), Math.round(layout.height * 2)]);
  expect([layout.map.w, layout.map.h]).toEqual([size.width, size.height]);
  expect(layout.mapCovered).toBeLessThanOrEqual(0.25);
  // The embed's map is small: the legend goes beside or below it, not over it.
  expect(layout.mode).not.toBe('overlay');
  expect(layout.lines.selected.join('')).toContain('选中：');
  expect(picture.sampledColours).toBeGreaterThan(20);
  expect(await page.evaluate(() => window.__cdmzMap?.getPixelRatio())).toBe(ratioBefore);
  expect(await page.evaluate(() => window.__cdmzMap?.getCanvas().width)).toBe(size.width * (ratioBefore ?? 1));
});

for (const width of [360, 600]) {
  test(`an embed ${width} px wide: the export status resizes neither the map (the picture is the map the reader sees) nor the sources line`, async ({ page }) => {
    await page.setViewportSize({ width, height: 480 });
    await openEmbed(page, '&lang=en');
    await waitForMapSettled(page);
    const size = await mapSizeCss(page);
    const footer = (await page.locator('.embed__footer').boundingBox())!.height;
    const sources = (await page.locator('.embed__sources').boundingBox())!.width;
    await downloadPicture(page, 1);
    const layout = await pictureLayout(page);
    expect([layout.map.w, layout.map.h]).toEqual([size.width, size.height]);
    await expect(page.getByTestId('picture-status')).toContainText('Picture downloaded');
    expect(await mapSizeCss(page)).toEqual(size);
    expect((await page.locator('.embed__footer').boundingBox())!.height).toBe(footer);
    expect((await page.locator('.embed__sources').boundingBox())!.width).toBe(sources);
  });
}

for (const [w, h] of [[1440, 900], [1920, 1080], [390, 844]] as const) {
  test(`PNG 1× and 2× at ${w}×${h}: filters in words, the selection named, at most a quarter of the map covered`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await openApp(page, '?lang=en&cat=rail&status=under-construction&corridor=belt-chengzi-airport&within=5');
    await waitForMapSettled(page);
    for (const scale of [1, 2] as const) {
      await downloadPicture(page, scale);
      const layout = await pictureLayout(page);
      expect(layout.mapCovered).toBeLessThanOrEqual(0.25);
      const filters = layout.lines.filters.join(' ');
      expect(filters).toContain('Category: Rail');
      expect(filters).toContain('Status: Under construction');
      expect(filters).toMatch(/within 5 km of .+/);
    }
  });
}

test('the Chinese picture names the filters in Chinese', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, '?cat=rail&sel=ziyang-line');
  await waitForMapSettled(page);
  await downloadPicture(page, 1);
  const layout = await pictureLayout(page);
  expect(layout.lines.filters.join('')).toContain('类别：轨道交通');
  expect(layout.lines.selected.join('')).toContain('选中：');
});
