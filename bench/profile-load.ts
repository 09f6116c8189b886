/**
 * `npx tsx bench/profile-load.ts [--projects-10k] [--query '?lang=en']`: where the main thread's
 * time goes on the way to the first map idle. Serves the last build (run `npm run bench` or
 * `vite build` first), loads the app once in the benchmark's Chromium with the CDP CPU profiler
 * on, and prints self time grouped by script and by the hottest functions, plus the resource
 * timings and the idle time. A diagnostic for a missed budget, not a measurement to compare.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import playwrightConfig from '../playwright.config';
import { startStaticServer } from './static-server';

const ROOT = resolve(import.meta.dirname, '..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function selfTimes(profile: Profile): Map<number, number> {
  const out = new Map<number, number>();
  profile.samples.forEach((id, i) => out.set(id, (out.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  return out;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const query = argv.includes('--query') ? (argv[argv.indexOf('--query') + 1] ?? '') : '?lang=en';
  const synthetic = argv.includes('--projects-10k');
  const dist = existsSync(join(ROOT, 'bench', 'results', 'dist', 'index.html')) ? join(ROOT, 'bench', 'results', 'dist') : join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run bench` or `npx vite build` first');
  const server = await startStaticServer({ root: dist });
  const args = (playwrightConfig as { use?: { launchOptions?: { args?: string[] } } }).use?.launchOptions?.args ?? [];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (synthetic) {
      const cached = readdirSynthetic();
      if (!cached) throw new Error('no cached synthetic file in bench/results/: run `npm run bench` once');
      await context.route('**/data/projects.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: cached }));
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(`${server.url}${query}`);
    await page.waitForFunction(() => (window as { __mapIdle?: number }).__mapIdle !== undefined, null, { timeout: 600_000 });
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const timing = await page.evaluate(() => ({
      idle: (window as { __mapIdle?: number }).__mapIdle ?? NaN,
      resources: performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
    }));
    const self = selfTimes(profile);
    const byUrl = new Map<string, number>();
    const byFn = new Map<string, number>();
    for (const node of profile.nodes) {
      const t = self.get(node.id) ?? 0;
      const url = node.callFrame.url ? new URL(node.callFrame.url).pathname : `(${node.callFrame.functionName || 'native'})`;
      byUrl.set(url, (byUrl.get(url) ?? 0) + t);
      const fn = `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}:${node.callFrame.columnNumber + 1}`;
      byFn.set(fn, (byFn.get(fn) ?? 0) + t);
    }
    const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
    console.log(`first idle ${timing.idle.toFixed(0)} ms${synthetic ? ' (10,000 synthetic projects)' : ''}`);
    console.log('\nresources (start → end, ms):');
    for (const r of timing.resources) console.log(`  ${r.name.padEnd(48)} ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)}`);
    console.log('\nmain-thread self time by script (ms):');
    for (const [u, t] of top(byUrl, 12)) console.log(`  ${t.toFixed(0).padStart(7)}  ${u}`);
    console.log('\nhottest functions (ms):');
    for (const [f, t] of top(byFn, 25)) console.log(`  ${t.toFixed(0).padStart(7)}  ${f}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The newest cached synthetic projects file the bench wrote, as the JSON body. */
function readdirSynthetic(): string | null {
  const dir = join(ROOT, 'bench', 'results');
  const files = readdirSync(dir).filter((f) => /^synthetic-10000-.*\.json$/.test(f)).map((f) => join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const f = files[0];
  return f ? (JSON.parse(readFileSync(f, 'utf8')) as { body: string }).body : null;
}

main().catch((e: unknown) => {
  console.error(`profile failed: ${(e as Error).stack ?? String(e)}`);
  process.exitCode = 1;
});
