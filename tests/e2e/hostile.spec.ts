/**
 * Issue 7 §3, in the real page: missing and broken data files, HTML/script in data, malicious
 * query strings, garbage `cdmz:set` messages. The app must say what is wrong, keep working, never
 * execute data, and never throw.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTY_CODES } from '../../src/data/project-schema';
import { parseUrlState, serializeUrlState } from '../../src/state/url-codec';
import {
  dataIssueTexts,
  detailStatus,
  listedProjectIds,
  openApp,
  renderedValues,
  selectProjectInList,
  waitForMapSettled,
  watchPage,
} from './driver';

const DATA = join(import.meta.dirname, '..', '..', 'data');
const XSS = '<img src=x onerror=window.__xss=1>';
const XSS_SCRIPT = '<script>window.__xss=2</script>';

async function serve404(page: Page, file: string): Promise<void> {
  await page.route(`**/data/${file}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
}

async function serveBody(page: Page, file: string, body: string): Promise<void> {
  await page.route(`**/data/${file}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
}

/** Console errors the app writes on purpose for a failed fetch are not crashes; page errors are. */
const pageErrors = (errors: string[]) => errors.filter((e) => e.startsWith('pageerror:'));

test('the map code cannot be loaded: the map area says so, the list and its filters still work', async ({ page }) => {
  const watch = watchPage(page);
  await page.route('**/assets/map-owner-*.js', (route) => route.abort());
  await page.goto('./?lang=en');
  await expect(page.getByRole('alert').filter({ hasText: 'map code could not be loaded' })).toBeVisible();
  await expect.poll(async () => (await listedProjectIds(page)).length).toBeGreaterThan(10);
  const all = await listedProjectIds(page);
  await page.getByTestId('filter-category-rail').check();
  await expect.poll(async () => (await listedProjectIds(page)).length).toBeLessThan(all.length);
  expect(pageErrors(watch.errors)).toEqual([]);
});

test.describe('missing and broken data files', () => {
  test('404 for corridors.geojson: the app says so, the list and its filters keep working', async ({ page }) => {
    const watch = watchPage(page);
    await serve404(page, 'corridors.geojson');
    await openApp(page, '?lang=en');
    await expect(page.getByTestId('data-issues')).toContainText('data/corridors.geojson');
    expect(await dataIssueTexts(page)).toContain('404');
    const all = await listedProjectIds(page);
    expect(all.length).toBeGreaterThan(10);
    await page.getByTestId('filter-category-rail').check();
    await expect.poll(async () => (await listedProjectIds(page)).length).toBeLessThan(all.length);
    expect(pageErrors(watch.errors)).toEqual([]);
  });

  test('404 for projects.json: a clear message naming the file, and the map still shows the region', async ({ page }) => {
    const watch = watchPage(page);
    await serve404(page, 'projects.json');
    await openApp(page, '?lang=en');
    await expect(page.getByRole('alert').filter({ hasText: 'data/projects.json' })).toBeVisible();
    expect(await dataIssueTexts(page)).toMatch(/data\/projects\.json.*HTTP 404/);
    await waitForMapSettled(page);
    expect((await renderedValues(page, ['county-border'], 'code')).length).toBe(35);
    expect(pageErrors(watch.errors)).toEqual([]);
  });

  test('projects.json that is not JSON: the message says so; the region map is still drawn', async ({ page }) => {
    const watch = watchPage(page);
    await serveBody(page, 'projects.json', '{"version": 1, "projects": [ {"id": "x", ');
    await openApp(page, '?lang=en');
    await expect(page.getByRole('alert').filter({ hasText: 'data/projects.json' })).toContainText('not valid JSON');
    await waitForMapSettled(page);
    expect((await renderedValues(page, ['city-fill'], 'city')).length).toBe(4);
    expect(pageErrors(watch.errors)).toEqual([]);
  });

  test('zones.json that is not JSON: the zones are reported missing, projects still listed', async ({ page }) => {
    const watch = watchPage(page);
    await serveBody(page, 'zones.json', '<!doctype html><title>proxy error</title>');
    await openApp(page, '?lang=en');
    await expect(page.getByTestId('data-issues')).toContainText('data/zones.json');
    expect((await listedProjectIds(page)).length).toBeGreaterThan(10);
    expect(pageErrors(watch.errors)).toEqual([]);
  });
});

test.describe('HTML and script in data are text', () => {
  test('a project name, note and fact holding markup are shown literally and never run', async ({ page }) => {
    const watch = watchPage(page);
    const file = JSON.parse(readFileSync(join(DATA, 'projects.json'), 'utf8')) as { projects: Record<string, unknown>[] };
    const target = file.projects.find((p) => p.geometry !== null) as Record<string, unknown>;
    const id = String(target.id);
    target.name_en = `${XSS} ${XSS_SCRIPT}`;
    target.name_zh = `${XSS}名称`;
    const milestones = target.milestones as Record<string, unknown>[];
    (milestones[milestones.length - 1] as Record<string, unknown>).note_en = `<a href="javascript:window.__xss=3">click</a>${XSS}`;
    const facts = target.facts as Record<string, unknown>[];
    if (facts[0]) facts[0].label_en = XSS;
    await serveBody(page, 'projects.json', JSON.stringify(file));
    await openApp(page, '?lang=en');
    const row = page.locator(`[data-project-id="${id}"]`).first();
    await expect(row).toContainText(XSS);
    await selectProjectInList(page, id);
    await expect(page.getByTestId('detail-status')).toBeVisible();
    await expect(page.locator('body')).toContainText(XSS_SCRIPT);
    await waitForMapSettled(page);
    expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await detailStatus(page)).toBeTruthy();
    expect(pageErrors(watch.errors)).toEqual([]);
  });
});

test.describe('URL fuzzing', () => {
  const MALICIOUS = [
    '?lang=<script>alert(1)</script>',
    '?lang=en&q=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E',
    '?sel=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E',
    '?corridor=javascript:alert(1)&zone=../../etc/passwd&sel=__proto__',
    '?date=2024-02-30&within=1e309&cat=rail,rail,,__proto__,constructor&status=%00&city=chengdu%2Cnowhere',
    '?within=-0&within=NaN&within=Infinity&date=99999-01-01&embed=true',
    '?q=%ED%A0%80%ED%B0%80&q=%E0%A4%A&lang=%E2%80%AEen',
    '?__proto__[polluted]=1&constructor[prototype][polluted]=1&toString=1',
    `?q=${'%F0%9F%98%80'.repeat(400)}&county=510104,510104,999999,abc`,
    `?${Array.from({ length: 300 }, (_, i) => `cat=x${i}`).join('&')}`,
    '?lang=en&date=2023-06-30&status=complete&unknown=<b>x</b>#6/30/104',
    '?%',
    '?&&&=&==&lang',
  ];

  for (const query of MALICIOUS) {
    test(`malicious query ${query.slice(0, 60)}: loads, nothing throws or runs, the URL is normalised`, async ({ page }) => {
      const watch = watchPage(page);
      await openApp(page, query);
      const search = await page.evaluate(() => window.location.search.replace(/^\?/, ''));
      // After the data arrives, ids it does not know are dropped too (none here is a real id).
      const parsed = parseUrlState(query.split('#')[0] ?? '');
      const county = parsed.county.filter((c) => (COUNTY_CODES as readonly string[]).includes(c));
      const expected = serializeUrlState({ ...parsed, corridor: null, zone: null, sel: null, county });
      expect(search, `normalised form of ${query}`).toBe(expected);
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(pageErrors(watch.errors)).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    });
  }
});

test.describe('garbage cdmz:set messages', () => {
  test('the framed app ignores malformed messages, changes nothing, throws nothing; a valid one still applies', async ({ page }) => {
    const watch = watchPage(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __errs: string[] };
      w.__errs = [];
      window.addEventListener('error', (e) => w.__errs.push(String(e.message)));
      window.addEventListener('unhandledrejection', (e) => w.__errs.push(String(e.reason)));
    });
    await page.route('**/__hostile-host.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>host</title><iframe id="app" src="./?lang=en&cat=rail" width="1000" height="700"></iframe>',
      }),
    );
    await page.goto('./__hostile-host.html');
    const frame = page.frameLocator('#app');
    await expect(frame.getByTestId('map')).toHaveAttribute('data-map-idle', 'true', { timeout: 45_000 });
    const appFrame = page.frames().find((f) => f !== page.mainFrame());
    if (!appFrame) throw new Error('the app frame is missing');
    const searchBefore = await appFrame.evaluate(() => window.location.search);
    const listBefore = await frame.getByTestId('project-list').locator('[data-project-id]').count();

    const outcome = await page.evaluate(async () => {
      const target = (document.getElementById('app') as HTMLIFrameElement).contentWindow as Window;
      let deep: Record<string, unknown> = { lang: 'zh' };
      for (let i = 0; i < 2000; i++) deep = { nested: deep };
      const proto = JSON.parse('{"type":"cdmz:set","state":{"__proto__":{"lang":"zh","cat":"road"}}}') as unknown;
      const garbage: unknown[] = [
        null, undefined, 0, NaN, 'cdmz:set', '{"type":"cdmz:set","state":{"lang":"zh"}}', [], {}, [{ type: 'cdmz:set' }],
        { type: 'cdmz:set' }, { type: 'cdmz:set', state: null }, { type: 'cdmz:set', state: [] }, { type: 'cdmz:set', state: 'lang=zh' },
        { type: 'cdmz:set', state: 42 }, { type: 'CDMZ:SET', state: { lang: 'zh' } }, { type: ['cdmz:set'], state: { lang: 'zh' } },
        { type: 'cdmz:set', state: new Date() }, { type: 'cdmz:set', state: new Map([['lang', 'zh']]) },
        { type: 'cdmz:set', state: new ArrayBuffer(16) }, { type: 'cdmz:set', state: deep }, proto,
        {
          type: 'cdmz:set',
          state: {
            lang: 'fr', date: '2024-13-45', status: [1, 2], city: { chengdu: true },
            corridor: '../../x', within: Infinity, zone: '<b>z</b>', q: 5, sel: ['a'], embed: 'yes', county: [510104], evidence: 'none',
          },
        },
        { type: 'cdmz:set', state: { within: NaN } }, { type: 'cdmz:set', state: { within: -5 } }, { type: 'cdmz:set', state: { within: 1e6 } },
        { type: 'cdmz:set', state: { date: '2023-02-29' } }, { type: 'cdmz:set', state: { cat: [null, {}, []] } },
        { type: 'cdmz:set', state: { unknownKey: 'x', constructor: 'y', toString: 'z' } },
      ];
      for (const g of garbage) target.postMessage(g, '*');
      await new Promise((r) => setTimeout(r, 1000));
      return { sent: garbage.length };
    });
    expect(outcome.sent).toBeGreaterThan(20);
    // A well-formed cdmz:set that does not come from the parent (the frame posting to itself) is ignored too.
    await appFrame.evaluate(() => window.postMessage({ type: 'cdmz:set', state: { cat: null, status: ['complete'] } }, '*'));
    await page.waitForTimeout(500);
    expect(await appFrame.evaluate(() => window.location.search)).toBe(searchBefore);
    expect(await frame.getByTestId('project-list').locator('[data-project-id]').count()).toBe(listBefore);
    expect(await appFrame.evaluate(() => (window as unknown as { __errs: string[] }).__errs)).toEqual([]);
    expect(await appFrame.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();

    // Control: a well-formed message does change the state, so "unchanged" above means "ignored".
    await page.evaluate(() => {
      const target = (document.getElementById('app') as HTMLIFrameElement).contentWindow as Window;
      target.postMessage({ type: 'cdmz:set', state: { cat: null, status: ['complete'] } }, '*');
    });
    await expect.poll(() => appFrame.evaluate(() => window.location.search)).toContain('status=complete');
    expect(await appFrame.evaluate(() => window.location.search)).not.toContain('cat=');
    expect(pageErrors(watch.errors)).toEqual([]);
  });
});

test.describe('the map fails or stalls: the slot says what happened, nothing else waits (issue 15 §2)', () => {
  test('MapLibre’s worker file is missing: the slot says the map stopped responding; list, filters and details work', async ({ page }) => {
    test.setTimeout(90_000);
    const watch = watchPage(page);
    await page.route('**/assets/maplibre-gl-worker-*', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await page.goto('./?lang=en');
    // The panels do not wait for the map.
    await expect.poll(async () => (await listedProjectIds(page)).length, { timeout: 15_000 }).toBeGreaterThan(10);
    await selectProjectInList(page, 'ziyang-line');
    await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-project', 'ziyang-line');
    // After the bounded wait: a true message, not "no WebGL".
    const alert = page.getByRole('alert').filter({ hasText: 'The map stopped responding' });
    await expect(alert).toBeVisible({ timeout: 40_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'WebGL' })).toHaveCount(0);
    expect(pageErrors(watch.errors)).toEqual([]);
  });

  test('in the embed the message does not point to a list the embed does not have', async ({ page }) => {
    test.setTimeout(90_000);
    await page.route('**/assets/maplibre-gl-worker-*', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await page.goto('./?embed=1&lang=en');
    const alert = page.getByRole('alert').filter({ hasText: 'The map stopped responding' });
    await expect(alert).toBeVisible({ timeout: 40_000 });
    await expect(alert).not.toContainText('list');
  });
});

test.describe('the camera hash is total (issue 15 §3)', () => {
  const cam = (page: Page) =>
    page.evaluate(() => {
      const map = window.__cdmzMap;
      return map ? { zoom: map.getZoom(), lat: map.getCenter().lat, lng: map.getCenter().lng, pitch: map.getPitch(), bearing: map.getBearing() } : null;
    });

  test('an overflowing number is ignored: the map starts and frames the region, no WebGL blame', async ({ page }) => {
    const watch = watchPage(page);
    await openApp(page, '?lang=en#8/30.5/1e999');
    const c = await cam(page);
    expect(c && c.lat > 29 && c.lat < 32 && c.lng > 102 && c.lng < 106).toBe(true);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(pageErrors(watch.errors)).toEqual([]);
  });

  test('beyond the limits: clamped to the map’s zoom and the region; pitch and bearing ignored', async ({ page }) => {
    await openApp(page, '#16/30.66/104.06/45/60');
    let c = await cam(page);
    expect(c?.zoom).toBe(15);
    expect(c?.pitch).toBe(0);
    expect(c?.bearing).toBe(0);
    expect(Math.abs((c?.lat ?? 0) - 30.66)).toBeLessThan(0.01);
    await openApp(page, '#4.9/0/0');
    c = await cam(page);
    expect(c?.zoom).toBeGreaterThanOrEqual(5);
    expect(c && c.lat > 28 && c.lng > 101).toBe(true);
  });

  test('set at runtime: a good hash moves the map, a hostile one is ignored and the map keeps working', async ({ page }) => {
    const watch = watchPage(page);
    await openApp(page);
    await page.evaluate(() => (window.location.hash = '#10/30.4/104.5'));
    await expect.poll(async () => (await cam(page))?.zoom).toBe(10);
    for (const h of ['#8/30.5/1e999', '#8/-91/104', '#NaN/1/2', '#９/30/104', `#8/${'9'.repeat(5000)}/1`]) {
      await page.evaluate((x) => (window.location.hash = x), h);
    }
    await page.waitForTimeout(300);
    expect((await cam(page))?.zoom).toBe(10);
    await page.evaluate(() => (window.location.hash = '#9/30.6/104.1'));
    await expect.poll(async () => (await cam(page))?.zoom).toBe(9);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(pageErrors(watch.errors)).toEqual([]);
  });
});
