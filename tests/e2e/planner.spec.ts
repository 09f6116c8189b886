/**
 * Issue 5: planner tools end to end — a permalink reproduces the same list after reload and
 * agrees with `npm run analyze`; damaged links are repaired, not fatal; back/forward step
 * through filter changes; the CSV export holds exactly the listed projects; an embedding host
 * page steps the view with `cdmz:set` and reads `cdmz:state`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { listedProjectIds, watchPage } from './driver';

interface AnalyzeOutput {
  projects: Array<{ id: string; distances_km: Record<string, number>; status: string | null }>;
}

function analyze(date: string): AnalyzeOutput {
  const out = execFileSync('npx', ['tsx', 'src/cli/analyze.ts', '--date', date], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as AnalyzeOutput;
}

/** Waits until the data is in and the list shows the count the filter panel reports. */
async function waitForList(page: Page): Promise<void> {
  const count = page.getByTestId('filter-count');
  await expect(count).toHaveAttribute('data-count', /\d+/);
  await expect(page.getByTestId('project-list')).toBeVisible();
  const n = Number(await count.getAttribute('data-count'));
  await expect(page.getByTestId('project-list').locator('[data-project-id]')).toHaveCount(n);
}

const PLANNER_QUERY = '?date=2023-12-31&status=under-construction&corridor=belt-chengzi-airport&within=5';

test('a permalink with corridor, distance and status gives the same list after reload, equal to npm run analyze', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(`./${PLANNER_QUERY}`);
  await waitForList(page);
  const listed = await listedProjectIds(page);
  expect(listed.length).toBeGreaterThan(0);

  await page.reload();
  await waitForList(page);
  expect(await listedProjectIds(page)).toEqual(listed);

  const expected = analyze('2023-12-31')
    .projects.filter((p) => p.status === 'under-construction' && (p.distances_km['belt-chengzi-airport'] ?? Infinity) <= 5)
    .map((p) => p.id);
  expect([...listed].sort()).toEqual([...expected].sort());
  expect(watch.errors).toEqual([]);
});

test('a damaged permalink is repaired: bad values dropped, good ones kept, no error', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('./?within=500&status=under-construction,bogus&corridor=no-such-corridor&date=2023-02-30&q=%&sel=__proto__&lang=en&cat=<script>');
  await waitForList(page);
  // `q=%` is a real (if odd) search for "%": kept, and written back percent-encoded.
  await expect(page).toHaveURL(/\?lang=en&status=under-construction&q=%25(#|$)/);
  await expect(page.getByTestId('filter-status-under-construction')).toBeChecked();
  expect(watch.errors).toEqual([]);
});

test('back and forward step through filter changes', async ({ page }) => {
  await page.goto('./?date=2023-12-31');
  await waitForList(page);
  const all = await listedProjectIds(page);
  await page.getByTestId('filter-status-complete').check();
  await expect(page).toHaveURL(/status=complete/);
  await waitForList(page);
  const complete = await listedProjectIds(page);
  expect(complete.length).toBeLessThan(all.length);
  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByTestId('filter-status-complete')).not.toBeChecked();
  await waitForList(page);
  expect(await listedProjectIds(page)).toEqual(all);
  await page.goForward();
  await expect(page.getByTestId('filter-status-complete')).toBeChecked();
  await waitForList(page);
  expect(await listedProjectIds(page)).toEqual(complete);
});

test('the CSV export holds exactly the listed projects, in list order, with a BOM and the filter in its name', async ({ page }) => {
  await page.goto(`./${PLANNER_QUERY}`);
  await waitForList(page);
  const listed = await listedProjectIds(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toBe('cdmz-2023-12-31-corridor-belt-chengzi-airport-5km-under-construction.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter((l) => l !== '');
  expect(lines[0]?.startsWith('id,name_zh,name_en,category,as_of_date,status,progress_pct')).toBe(true);
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(listed);
});

test('an embedding page steps the view with cdmz:set and reads cdmz:state', async ({ page, baseURL }) => {
  await page.goto('./');
  await page.setContent(
    `<script>window.msgs = []; addEventListener('message', (e) => window.msgs.push(e.data));</script>` +
      `<iframe id="f" title="map" width="600" height="400" src="${baseURL}?embed=1&date=2023-12-31"></iframe>`,
  );
  await page.waitForFunction(() => (window as unknown as { msgs: Array<{ type: string; dataStatus: string }> }).msgs.some((m) => m.type === 'cdmz:state' && m.dataStatus === 'ready'));
  await page.evaluate(() => {
    const frame = document.getElementById('f') as HTMLIFrameElement;
    frame.contentWindow?.postMessage({ type: 'cdmz:set', state: 'garbage' }, '*');
    frame.contentWindow?.postMessage({ type: 'cdmz:set', state: { status: ['under-construction'], corridor: 'belt-chengzi-airport', within: 5, date: 'soon' } }, '*');
  });
  const last = await page.waitForFunction(() => {
    const msgs = (window as unknown as { msgs: Array<{ state: { within: number | null } }> }).msgs;
    const m = msgs[msgs.length - 1];
    return m && m.state.within === 5 ? m : null;
  });
  const message = (await last.jsonValue()) as unknown as { state: { date: string; status: string[]; embed: boolean }; visibleProjectIds: string[] };
  expect(message.state).toMatchObject({ date: '2023-12-31', status: ['under-construction'], embed: true });
  const expected = analyze('2023-12-31')
    .projects.filter((p) => p.status === 'under-construction' && (p.distances_km['belt-chengzi-airport'] ?? Infinity) <= 5)
    .map((p) => p.id);
  expect([...message.visibleProjectIds].sort()).toEqual([...expected].sort());
});
