/**
 * Issue 7 §4: the built site works under a strict Content-Security-Policy (bench/csp-policy.ts):
 * served by a small static server (bench/static-server.ts) that sends the header, the map
 * reaches its first idle, and neither a `securitypolicyviolation` event nor a console CSP error
 * shows up while a reader uses the page.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { CSP_POLICY } from '../../bench/csp-policy';
import { startStaticServer, type StaticServer } from '../../bench/static-server';
import {
  cspViolations,
  listedProjectIds,
  openAppAt,
  recordCspViolations,
  selectProjectInList,
  setDate,
  switchLanguage,
  waitForMapSettled,
  watchPage,
} from './driver';

let server: StaticServer;

test.beforeAll(async () => {
  server = await startStaticServer({
    root: join(import.meta.dirname, '..', '..', 'dist'),
    headers: { 'Content-Security-Policy': CSP_POLICY },
    // A page with an inline script: the control case that proves violations are seen at all.
    files: { '/__csp-control.html': { body: '<!doctype html><title>c</title><script>window.__inlineRan = 1</script>', type: 'text/html; charset=utf-8' } },
  });
});

test.afterAll(async () => {
  await server?.close();
});

const cspConsoleErrors = (errors: string[]) => errors.filter((e) => /Content Security Policy|Refused to/i.test(e));

test('the control: an inline script under this policy is blocked and reported', async ({ page }) => {
  const watch = watchPage(page);
  await recordCspViolations(page);
  await page.goto(`${server.url}__csp-control.html`);
  expect(await page.evaluate(() => (window as { __inlineRan?: number }).__inlineRan)).toBeUndefined();
  await expect.poll(async () => (await cspViolations(page)).map((v) => v.directive)).toContain('script-src-elem');
  expect(cspConsoleErrors(watch.errors).length).toBeGreaterThan(0);
});

test('the built app reaches its first map idle under the strict policy with no violation', async ({ page }) => {
  const watch = watchPage(page);
  await recordCspViolations(page);
  const response = await page.goto(server.url);
  expect(response?.headers()['content-security-policy']).toBe(CSP_POLICY);
  await openAppAt(page, server.url);
  await waitForMapSettled(page);
  // Use it: language, a project from the list (detail panel, map fly-to), the date slider.
  await switchLanguage(page);
  const first = (await listedProjectIds(page))[0];
  expect(first).toBeTruthy();
  await selectProjectInList(page, first as string);
  await setDate(page, '2022-06-30');
  await waitForMapSettled(page);
  expect(await cspViolations(page)).toEqual([]);
  expect(cspConsoleErrors(watch.errors)).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('the embed layout works under the strict policy too', async ({ page }) => {
  const watch = watchPage(page);
  await recordCspViolations(page);
  await openAppAt(page, `${server.url}?embed=1&lang=en`);
  await waitForMapSettled(page);
  expect(await cspViolations(page)).toEqual([]);
  expect(cspConsoleErrors(watch.errors)).toEqual([]);
});
