/**
 * The one driver the end-to-end specs speak through (STYLE.md, "Tests"): it knows the app's
 * test ids, the map's idle signal and how to ask the map what it drew; specs say what a person
 * does and sees.
 */
import { expect, type ConsoleMessage, type Page, type Request } from '@playwright/test';

export interface PageWatch {
  /** Requests to any host other than the local server. */
  foreignRequests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

/** Records every request that leaves 127.0.0.1 and every console error, from the first byte. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { foreignRequests: [], errors: [] };
  page.on('request', (req: Request) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') watch.foreignRequests.push(req.url());
  });
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') watch.errors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.errors.push(`pageerror: ${err.message}`));
  return watch;
}

/** Opens the app with a query string (e.g. `?lang=en&sel=ziyang-line`) and waits for the first map idle. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await waitForMapIdle(page);
}

export async function waitForMapIdle(page: Page): Promise<void> {
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true', { timeout: 45_000 });
}

/** Waits until the map has nothing left to load or draw. */
export async function waitForMapSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = window.__cdmzMap;
    return !!map && map.loaded() && map.areTilesLoaded() && !map.isMoving();
  });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__cdmzMap;
        if (!map) return resolve();
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** Distinct values of `property` over the features the map rendered in `layers` (whole viewport). */
export async function renderedValues(page: Page, layers: string[], property: string): Promise<string[]> {
  return page.evaluate(
    ([layerIds, prop]) => {
      const map = window.__cdmzMap;
      if (!map) return [];
      const present = (layerIds as string[]).filter((id) => map.getLayer(id));
      const values = new Set<string>();
      for (const f of map.queryRenderedFeatures({ layers: present })) {
        const v = f.properties?.[prop as string];
        if (v !== undefined && v !== null && !f.state?.hidden) values.add(String(v));
      }
      return [...values].sort();
    },
    [layers, property] as const,
  );
}

/** The text-field expression of a layer, as the map has it now. */
export async function layerTextField(page: Page, layerId: string): Promise<unknown> {
  return page.evaluate((id) => window.__cdmzMap?.getLayoutProperty(id, 'text-field'), layerId);
}

export async function switchLanguage(page: Page): Promise<void> {
  await page.getByTestId('lang-switch').click();
}

/** Moves the date slider to `iso` (YYYY-MM-DD) as a keyboard/pointer user would end up. */
export async function setDate(page: Page, iso: string): Promise<void> {
  const day = Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
  await page.getByTestId('date-slider').fill(String(day));
}

export async function selectProjectInList(page: Page, projectId: string): Promise<void> {
  await page.locator(`[data-project-id="${projectId}"]`).first().click();
}

export async function detailStatus(page: Page): Promise<string | null> {
  return page.getByTestId('detail-status').getAttribute('data-status');
}

declare global {
  interface Window {
    __cdmzMap?: import('maplibre-gl').Map | null;
    __mapIdle?: number;
  }
}
