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

/**
 * Distinct values of `property` over the features the map rendered in `layers` (whole viewport).
 * Project features are drawn only while their feature-state `shown` is true (map-owner.ts), so
 * those without it are left out; features of other sources have no `shown` and count.
 */
export async function renderedValues(page: Page, layers: string[], property: string): Promise<string[]> {
  return page.evaluate(
    ([layerIds, prop]) => {
      const map = window.__cdmzMap;
      if (!map) return [];
      const present = (layerIds as string[]).filter((id) => map.getLayer(id));
      const values = new Set<string>();
      for (const f of map.queryRenderedFeatures({ layers: present })) {
        const v = f.properties?.[prop as string];
        if (v !== undefined && v !== null && (f.source !== 'projects' || f.state?.shown === true)) values.add(String(v));
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

/** A Content-Security-Policy violation seen by the page (`securitypolicyviolation` event). */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

/**
 * Records every `securitypolicyviolation` event the page fires, from before its first script
 * runs; read them with `cspViolations(page)`.
 */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: CspViolation[] = [];
    (window as unknown as { __cspViolations: CspViolation[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` });
    });
  });
}

export async function cspViolations(page: Page): Promise<CspViolation[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: CspViolation[] }).__cspViolations ?? []);
}

/** Opens the app at an absolute URL (another server than the preview) and waits for the first map idle. */
export async function openAppAt(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForMapIdle(page);
}

/** Visible rows of the project list. */
export async function listedProjectIds(page: Page): Promise<string[]> {
  return page.getByTestId('project-list').locator('[data-project-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-project-id') ?? ''));
}

/** The data-problem messages the app shows (errors and warnings), as text. */
export async function dataIssueTexts(page: Page): Promise<string> {
  const box = page.getByTestId('data-issues');
  return (await box.count()) ? (await box.textContent()) ?? '' : '';
}

declare global {
  interface Window {
    __cdmzMap?: import('maplibre-gl').Map | null;
    __mapIdle?: number;
  }
}

// ---- helper-7 (issue 6): embed, picture export, accessibility, no WebGL ----

/** Opens the embed layout (`embed=1` plus `query`, e.g. `&lang=en`) and waits for the map. */
export async function openEmbed(page: Page, query = ''): Promise<void> {
  await page.goto(`./?embed=1${query}`);
  await waitForMapIdle(page);
}

/** How far the page scrolls sideways, in CSS px (0 = no horizontal scroll). */
export async function horizontalOverflowPx(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);
}

/** The map's size on screen in CSS px. */
export async function mapSizeCss(page: Page): Promise<{ width: number; height: number }> {
  return page.getByTestId('map').evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
}

export interface DownloadedPicture {
  fileName: string;
  width: number;
  height: number;
  /** Distinct colours in a sample of the decoded image (a blank picture has 1–2). */
  sampledColours: number;
}

/** Clicks "PNG 1×/2×", waits for the download and decodes it (PNG header and a full decode). */
export async function downloadPicture(page: Page, scale: 1 | 2): Promise<DownloadedPicture> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`picture-${scale}x`).click()]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const decoded = await page.evaluate(async (b64) => {
    const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return { width: bitmap.width, height: bitmap.height, sampledColours: colours.size };
  }, bytes.toString('base64'));
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([decoded.width, decoded.height]);
  return { fileName: download.suggestedFilename(), ...decoded };
}

/**
 * Waits until the panels have rendered (they follow the map's first idle) and no CSS transition
 * or animation is running (the bottom sheet animates its height).
 */
export async function waitForLayoutSettled(page: Page): Promise<void> {
  await expect(page.locator('.app-panel__loading')).toHaveCount(0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/**
 * axe-core with EVERY rule it has enabled (issue 13 §9): the WCAG A/AA rules, the best-practice
 * rules (landmarks, headings, region…), the AAA and the experimental ones. Returns
 * "rule (impact): selector — help" lines; [] when nothing is violated.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const [{ default: AxeBuilder }, { default: axe }] = await Promise.all([import('@axe-core/playwright'), import('axe-core')]);
  const every = Object.fromEntries(axe.getRules().map((r) => [r.ruleId, { enabled: true }]));
  const result = await new AxeBuilder({ page }).options({ rules: every }).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? ''}): ${n.target.join(' ')} — ${v.help}`));
}

/** Makes every canvas refuse WebGL, as a browser without it does (before any page script runs). */
export async function disableWebgl(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (/webgl/i.test(type)) return null;
      return (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof original;
  });
}

/** Opens the embed-code dialog from the header. */
export async function openEmbedDialog(page: Page): Promise<void> {
  await page.getByTestId('embed-open').click();
  await expect(page.getByTestId('embed-dialog')).toBeVisible();
}

/** The project's feature the map draws now (feature-state `shown`), with its properties, or null. */
export async function shownProjectFeature(page: Page, projectId: string): Promise<Record<string, unknown> | null> {
  return page.evaluate((id) => {
    const map = window.__cdmzMap;
    for (const f of map?.querySourceFeatures('projects', { filter: ['==', ['get', 'id'], id] }) ?? []) {
      if (f.id !== undefined && map?.getFeatureState({ source: 'projects', id: f.id }).shown) return f.properties as Record<string, unknown>;
    }
    return null;
  }, projectId);
}

/** The map's current zoom. */
export async function mapZoom(page: Page): Promise<number> {
  return page.evaluate(() => window.__cdmzMap?.getZoom() ?? Number.NaN);
}

/** A project symbol the map has drawn (a shown feature of the point or line-symbol layer). */
export interface DrawnSymbol {
  /** Feature id in the project source, and the project's id and name. */
  fid: number;
  id: string;
  name: string;
  /** The true place on the map canvas (CSS px). */
  x: number;
  y: number;
  /** The fan's offset at the map's zoom (icon px; MapLibre multiplies it by icon-size). */
  ox: number;
  oy: number;
}

/** The project symbols drawn now, the map's zoom, and the projects the owner has marked `shown`. */
export async function drawnProjectSymbols(page: Page): Promise<{ zoom: number; symbols: DrawnSymbol[]; shownSymbolProjects: string[] }> {
  return page.evaluate(() => {
    const map = window.__cdmzMap!;
    const zoom = map.getZoom();
    const z = Math.min(15, Math.max(5, Math.floor(zoom)));
    const symbols = new Map<number, DrawnSymbol>();
    for (const f of map.queryRenderedFeatures({ layers: ['project-point', 'project-line-symbol'] })) {
      if (!f.state?.shown || f.geometry.type !== 'Point' || typeof f.id !== 'number') continue;
      const p = map.project(f.geometry.coordinates as [number, number]);
      const props = f.properties as Record<string, unknown>;
      symbols.set(f.id, { fid: f.id, id: String(props.id), name: String(props.name_zh), x: p.x, y: p.y, ox: Number(props[`ox${z}`] ?? 0), oy: Number(props[`oy${z}`] ?? 0) });
    }
    const shown = new Set<string>();
    for (const f of map.querySourceFeatures('projects')) {
      const part = f.properties?.part;
      if (f.geometry.type !== 'Point' || (part !== 'whole' && part !== 'icon') || f.id === undefined) continue;
      if (map.getFeatureState({ source: 'projects', id: f.id }).shown) shown.add(String(f.properties?.id));
    }
    return { zoom, symbols: [...symbols.values()], shownSymbolProjects: [...shown].sort() };
  });
}

/** Feature ids of the project features the map finds at each canvas point (what hover and click see). */
export async function projectFeaturesAt(page: Page, points: Array<[number, number]>): Promise<number[][]> {
  return page.evaluate((pts) => {
    const map = window.__cdmzMap!;
    const layers = ['project-fill', 'project-outline', 'project-line', 'project-line-symbol', 'project-point'];
    return pts.map((pt) => map.queryRenderedFeatures(pt, { layers }).filter((f) => f.state?.shown).map((f) => f.id as number));
  }, points);
}
