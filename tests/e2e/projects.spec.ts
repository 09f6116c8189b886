/**
 * Issue 3: projects on the map with their state on a date, the detail panel, the slider.
 */
import { expect, test } from '@playwright/test';
import { detailStatus, drawnProjectSymbols, openApp, projectFeaturesAt, renderedValues, setDate, shownProjectFeature, waitForMapSettled } from './driver';
import { ICON_PX, iconSizeAt } from '../../src/map/symbol-fan';

const PROJECT_LAYERS = ['project-line', 'project-point', 'project-fill', 'project-outline', 'project-line-symbol'];

test('Ziyang line on 2023-03-31: under construction, track laying 6.8 % shown as a component, not progress', async ({ page }) => {
  await openApp(page, '?sel=ziyang-line&date=2023-03-31');
  const detail = page.getByTestId('detail-panel');
  await expect(detail).toHaveAttribute('data-project', 'ziyang-line');
  expect(await detailStatus(page)).toBe('under-construction');
  await expect(page.getByTestId('detail-components')).toContainText('6.8');
  await expect(page.getByTestId('detail-progress')).not.toContainText('6.8');
  await expect(page.getByTestId('detail-accuracy')).toBeVisible();
  // 9 entries: 8 observations (a sidebar caption removed in the re-reading, two from 2025 added) + 1 plan item
  await expect(page.getByTestId('detail-timeline').locator('li')).toHaveCount(9);
});

test('Ziyang line on 2024-10-01: open (complete, 100 %)', async ({ page }) => {
  await openApp(page, '?sel=ziyang-line&date=2024-10-01&lang=en');
  expect(await detailStatus(page)).toBe('complete');
  await expect(page.getByTestId('detail-progress')).toContainText('100');
  await expect(page.getByTestId('detail-panel')).toContainText('Last confirmed on');
});

test('the map draws the Ziyang line with the status of the date', async ({ page }) => {
  await openApp(page, '?date=2023-03-31');
  await waitForMapSettled(page);
  const statusOf = async () => (await shownProjectFeature(page, 'ziyang-line'))?.status ?? null;
  expect(await statusOf()).toBe('under-construction');
  await setDate(page, '2024-10-01');
  await waitForMapSettled(page);
  expect(await statusOf()).toBe('complete');
});

test('moving the slider changes what the map shows', async ({ page }) => {
  await openApp(page);
  await waitForMapSettled(page);
  const latest = await renderedValues(page, PROJECT_LAYERS, 'id');
  await setDate(page, '2021-01-01');
  await waitForMapSettled(page);
  const early = await renderedValues(page, PROJECT_LAYERS, 'id');
  expect(latest.length).toBeGreaterThan(early.length);
  expect(early).toContain('ziyang-line'); // construction began 2020-11-27
  await expect(page).toHaveURL(/[?&]date=2021-01-01/);
});

test('selecting a project on the map opens its details', async ({ page }) => {
  // Zoomed in on the line (camera in the hash, as MapLibre writes it) so projects do not crowd.
  await openApp(page, '?date=2024-10-01#10/30.2/104.55');
  await waitForMapSettled(page);
  // A vertex of the Ziyang line where it is the topmost project, projected to the screen.
  const point = await page.evaluate(() => {
    const map = window.__cdmzMap;
    if (!map) return null;
    const layers = ['project-fill', 'project-outline', 'project-line', 'project-line-symbol', 'project-point'];
    const box = map.getCanvas().getBoundingClientRect();
    for (const f of map.querySourceFeatures('projects', { filter: ['==', ['get', 'id'], 'ziyang-line'] })) {
      const coords = f.geometry.type === 'LineString' ? f.geometry.coordinates : [];
      for (const c of coords) {
        const p = map.project(c as [number, number]);
        if (p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height) continue;
        const hits = map.queryRenderedFeatures([[p.x - 4, p.y - 4], [p.x + 4, p.y + 4]], { layers }).filter((h) => h.state?.shown);
        const onCanvas = document.elementFromPoint(box.left + p.x, box.top + p.y) === map.getCanvas();
        if (onCanvas && hits[0]?.properties?.id === 'ziyang-line') return { x: box.left + p.x, y: box.top + p.y };
      }
    }
    return null;
  });
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-project', 'ziyang-line');
  await expect(page).toHaveURL(/[?&]sel=ziyang-line/);
});

test('on a phone a selected project is framed for the visible map, not zoomed out to the region', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, '?sel=ziyang-line&lang=en');
  await waitForMapSettled(page);
  const view = await page.evaluate(() => {
    const map = window.__cdmzMap!;
    const box = map.getContainer().getBoundingClientRect();
    const coords: number[][] = [];
    for (const f of map.querySourceFeatures('projects', { filter: ['==', ['get', 'id'], 'ziyang-line'] })) {
      const g = f.geometry;
      if (g.type === 'LineString') coords.push(...(g.coordinates as number[][]));
      if (g.type === 'MultiLineString') coords.push(...(g.coordinates as number[][][]).flat());
    }
    const px = coords.map((c) => map.project(c as [number, number]));
    return { zoom: map.getZoom(), width: box.width, height: box.height, xs: px.map((p) => p.x), ys: px.map((p) => p.y) };
  });
  expect(view.zoom).toBeGreaterThan(8);
  expect(Math.min(...view.xs)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...view.xs)).toBeLessThanOrEqual(view.width);
  expect(Math.min(...view.ys)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...view.ys)).toBeLessThanOrEqual(view.height);
});

test('“zoom to results” frames the projects that pass the filters on the date', async ({ page }) => {
  await openApp(page, '?lang=en&cat=energy#12/31.2/104.9');
  await waitForMapSettled(page);
  await page.getByTestId('frame-results').click();
  await expect.poll(() => page.evaluate(() => window.__cdmzMap?.isMoving())).toBe(false);
  await waitForMapSettled(page);
  const ids = await renderedValues(page, PROJECT_LAYERS, 'id');
  const listed = await page.getByTestId('project-list').locator('[data-project-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-project-id')));
  expect(ids.length).toBeGreaterThan(0);
  // Everything drawn is an energy project from the list; the framing brought them into view.
  for (const id of ids) expect(listed).toContain(id);
});

test('hovering a project shows its name, its status on the date and its category in the page’s language', async ({ page }) => {
  await openApp(page, '?date=2024-10-01&lang=en#10/30.2/104.55');
  await waitForMapSettled(page);
  const point = await page.evaluate(() => {
    const map = window.__cdmzMap;
    if (!map) return null;
    const layers = ['project-fill', 'project-outline', 'project-line', 'project-line-symbol', 'project-point'];
    const box = map.getCanvas().getBoundingClientRect();
    for (const f of map.querySourceFeatures('projects', { filter: ['==', ['get', 'id'], 'ziyang-line'] })) {
      const coords = f.geometry.type === 'LineString' ? f.geometry.coordinates : [];
      for (const c of coords) {
        const p = map.project(c as [number, number]);
        if (p.x < 40 || p.y < 40 || p.x > box.width - 40 || p.y > box.height - 40) continue;
        const hits = map.queryRenderedFeatures(p, { layers }).filter((h) => h.state?.shown);
        const onCanvas = document.elementFromPoint(box.left + p.x, box.top + p.y) === map.getCanvas();
        if (onCanvas && hits[0]?.properties?.id === 'ziyang-line') return { x: box.left + p.x, y: box.top + p.y };
      }
    }
    return null;
  });
  expect(point).not.toBeNull();
  await page.mouse.move(point!.x, point!.y);
  const tip = page.locator('.map-tooltip');
  await expect(tip).toContainText('Ziyang Line');
  await expect(tip).toContainText('Complete · Rail');
  await page.mouse.move(5, 5);
  await expect(tip).toHaveCount(0);
});

test('at the opening view no project symbol covers another, each is drawn and can be hovered where it is drawn', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await waitForMapSettled(page);
  const { zoom, symbols, shownSymbolProjects } = await drawnProjectSymbols(page);
  const size = ICON_PX * iconSizeAt(zoom);
  const at = symbols.map((s) => [s.x + s.ox * iconSizeAt(zoom), s.y + s.oy * iconSizeAt(zoom)] as [number, number]);
  // Every project the map shows on the date has its symbols drawn, and the panel counts them all.
  expect(new Set(symbols.map((s) => s.id)).size).toBe(shownSymbolProjects.length);
  expect([...new Set(symbols.map((s) => s.id))].sort()).toEqual(shownSymbolProjects);
  await expect(page.getByTestId('filter-count')).toHaveAttribute('data-on-map', String(shownSymbolProjects.length));
  // The opening view is where they piled up: symbols are moved there.
  expect(symbols.filter((s) => s.ox !== 0 || s.oy !== 0).length).toBeGreaterThan(10);
  // No two symbols overlap by more than a pixel (centres at least a symbol's width apart).
  const tooClose: string[] = [];
  for (let i = 0; i < at.length; i++) {
    for (let j = i + 1; j < at.length; j++) {
      const d = Math.hypot(at[i]![0] - at[j]![0], at[i]![1] - at[j]![1]);
      if (d < size - 1) tooClose.push(`${symbols[i]!.id} ~ ${symbols[j]!.id}: ${d.toFixed(1)} px`);
    }
  }
  expect(tooClose).toEqual([]);
  // MapLibre finds each symbol where it is drawn (so hover and click reach it there).
  const hits = await projectFeaturesAt(page, at);
  expect(symbols.filter((s, i) => !hits[i]!.includes(s.fid)).map((s) => s.id)).toEqual([]);
  // Hovering a moved symbol names its project.
  const moved = symbols.findIndex((s) => Math.hypot(s.ox, s.oy) > 20);
  const box = (await page.getByTestId('map').locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + at[moved]![0], box.y + at[moved]![1]);
  await expect(page.locator('.map-tooltip')).toContainText(symbols[moved]!.name);
});
