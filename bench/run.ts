/**
 * `npm run bench [-- --runs N] [-- --no-build]`: builds the app, serves dist/ locally and measures
 * in headless Chromium (the end-to-end tests' browser and flags):
 *   1. navigation → first map idle, app vs a bare MapLibre page with the same boundaries,
 *      interleaved in the same run (fresh context, cache disabled) → ratio;
 *   2. bytes the first load actually fetched (JS, CSS, data, raw and gzip), JS beyond MapLibre;
 *   3. filter change and date change → list DOM and map idle, real data and 10,000 projects;
 *   4. the Node-side analysis of 10,000 projects (bench/analyze.ts `benchAnalyze()`);
 *   5. Lighthouse, mobile defaults (simulated slow 4G, 4× CPU), app and bare page interleaved,
 *      3 runs each (`--lighthouse-runs N`, `--no-lighthouse`): LCP, TTI, performance score.
 * Prints a table with the budgets, writes bench/results/latest.json. Not a test: asserts nothing
 * about time; exits non-zero only when something failed to run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { build, type Rolldown } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import playwrightConfig from '../playwright.config';
import { REGION_BOUNDS } from '../src/app/region-bounds';
import { validateProjectsFile } from '../src/data/parse-projects';
import { parseSources } from '../src/data/parse-sources';
import { parseRegion } from '../src/data/parse-region';
import { polygonRegionCheck } from '../src/data/project-region-check';
import { hostPageHtml, PAGE_PROBE } from './page-probe';
import { startStaticServer, type StaticServer } from './static-server';
import { syntheticProjects, type ProjectsFile } from './synthetic-projects';
import { lighthouseRun, type LighthouseRun } from './lighthouse';

const ROOT = resolve(import.meta.dirname, '..');
/** The bench builds into its own folder: dist/ is shared with `vite preview` and other builds. */
const DIST = join(ROOT, 'bench', 'results', 'dist');
const RESULTS = join(ROOT, 'bench', 'results');
const BARE_OUT = join(RESULTS, 'bare');
const SYNTHETIC_COUNT = 10_000;

/** Budgets (issue 7). */
export const BUDGETS = {
  firstIdleRatio: 1.3,
  /** JS beyond MapLibre's own on first load, gzip bytes (120 kB, 1 kB = 1000 bytes). */
  jsBeyondMapLibreGzipBytes: 120_000,
  /** Filter or date change with 10,000 projects, ms. */
  changeMs: 100,
  /** Lighthouse (mobile defaults): the app's largest contentful paint, ms. */
  lighthouseLcpMs: 2000,
  /** Lighthouse: the app's time to interactive over the bare page's. */
  lighthouseTtiRatio: 1.2,
  /** The list settled after a change at 10,000 projects, ms (issue 12 §5). */
  listMs: 50,
} as const;

interface Args {
  runs: number;
  build: boolean;
  lighthouseRuns: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 5, build: true, lighthouseRuns: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`--runs: expected an integer 1–100, got ${argv[i] ?? '(nothing)'}`);
      args.runs = n;
    } else if (a === '--lighthouse-runs') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 20) throw new Error(`--lighthouse-runs: expected an integer 1–20, got ${argv[i] ?? '(nothing)'}`);
      args.lighthouseRuns = n;
    } else if (a === '--no-lighthouse') args.lighthouseRuns = 0;
    else if (a === '--no-build') args.build = false;
    else if (a !== '--') throw new Error(`unknown argument ${a} (use --runs N, --lighthouse-runs N, --no-lighthouse, --no-build)`);
  }
  return args;
}

// ---------------------------------------------------------------- statistics and formatting

export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stat(values: readonly number[]): Stat | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
  return { median, min: v[0] as number, max: v[v.length - 1] as number, n: v.length };
}

const ms = (s: Stat | null): string => (s ? `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)}, n=${s.n})` : 'n/a');
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

function budgetLine(name: string, value: number | null, limit: number, unit: (x: number) => string): { line: string; pass: boolean | null } {
  if (value === null) return { line: `  ${name}: not measured`, pass: null };
  const pass = value <= limit;
  const marginPct = ((limit - value) / limit) * 100;
  return {
    line: `  ${pass ? 'PASS' : 'MISS'}  ${name}: ${unit(value)} vs budget ${unit(limit)} (${pass ? 'margin' : 'over by'} ${Math.abs(marginPct).toFixed(0)} %)`,
    pass,
  };
}

// ---------------------------------------------------------------- build

interface BuildInfo {
  /**
   * Output chunk file name → MapLibre's share of the chunk (rendered bytes of its modules over all
   * rendered bytes). App modules are counted before minification, so the share slightly
   * understates MapLibre and the "JS beyond MapLibre" figure errs on the high side.
   */
  mapLibreShareByChunk: Record<string, number>;
  /** Output chunk file name → rendered bytes of its largest non-MapLibre modules. */
  topModulesByChunk: Record<string, { id: string; bytes: number }[]>;
}

function outputsOf(result: Awaited<ReturnType<typeof build>>): Rolldown.RolldownOutput[] {
  if (Array.isArray(result)) return result as Rolldown.RolldownOutput[];
  if ('output' in (result as object)) return [result as Rolldown.RolldownOutput];
  throw new Error('vite build returned a watcher, expected an output');
}

async function buildAll(doBuild: boolean): Promise<BuildInfo | null> {
  mkdirSync(RESULTS, { recursive: true });
  if (!doBuild) {
    if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(BARE_OUT, 'index.html'))) throw new Error('--no-build: bench/results/dist/ or bench/results/bare/ is missing; run without --no-build once');
    return null;
  }
  const t0 = performance.now();
  const app = outputsOf(await build({ root: ROOT, logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } }));
  console.log(`built the app in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await build({
    configFile: false,
    root: join(ROOT, 'bench', 'bare'),
    base: './',
    logLevel: 'warn',
    define: { __REGION_BOUNDS__: JSON.stringify(REGION_BOUNDS) },
    build: { outDir: BARE_OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1200 },
  });
  const info: BuildInfo = { mapLibreShareByChunk: {}, topModulesByChunk: {} };
  for (const out of app) {
    for (const item of out.output) {
      if (item.type !== 'chunk') continue;
      let mlBytes = 0;
      let allBytes = 0;
      const others: { id: string; bytes: number }[] = [];
      for (const [id, mod] of Object.entries(item.modules)) {
        allBytes += mod.renderedLength;
        if (/[\\/]node_modules[\\/]maplibre-gl[\\/]/.test(id)) mlBytes += mod.renderedLength;
        else others.push({ id: id.replace(ROOT + '/', '').replace(/^\0/, ''), bytes: mod.renderedLength });
      }
      if (mlBytes > 0 && allBytes > 0) info.mapLibreShareByChunk[item.fileName] = mlBytes / allBytes;
      info.topModulesByChunk[item.fileName] = others.sort((a, b) => b.bytes - a.bytes).slice(0, 6);
    }
  }
  writeFileSync(join(RESULTS, 'build-info.json'), JSON.stringify(info, null, 2));
  return info;
}

// ---------------------------------------------------------------- browser

function launchArgs(): string[] {
  const use = (playwrightConfig as { use?: { launchOptions?: { args?: string[] } } }).use;
  return use?.launchOptions?.args ?? ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
}

async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

interface FetchedFile {
  path: string;
  kind: 'js' | 'css' | 'data' | 'html' | 'other';
  rawBytes: number;
  gzipBytes: number;
}

function kindOf(path: string): FetchedFile['kind'] {
  if (/\.m?js$/.test(path)) return 'js';
  if (/\.css$/.test(path)) return 'css';
  if (/\.(geo)?json$/.test(path)) return 'data';
  if (/(\.html|\/)$/.test(path)) return 'html';
  return 'other';
}

interface IdleRun {
  idleMs: number;
  fcpMs: number | null;
  files: FetchedFile[];
  errors: string[];
}

async function firstIdle(browser: Browser, url: string, origin: string): Promise<IdleRun> {
  const { context, page, errors } = await freshPage(browser);
  // Each body with the wall-clock time its request started: the first load is what was
  // requested before the first idle (code the panels load right after it does not count, however
  // quickly its response comes back).
  const bodies: Promise<(FetchedFile & { startedAt: number }) | null>[] = [];
  page.on('response', (res: Response) => {
    const u = new URL(res.url());
    if (u.origin !== origin) return;
    const startedAt = res.request().timing().startTime;
    bodies.push(
      res.body().then(
        (b) => ({ path: u.pathname, kind: kindOf(u.pathname), rawBytes: b.length, gzipBytes: gzipSync(b, { level: 9 }).length, startedAt }),
        () => null,
      ),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as { __mapIdle?: number }).__mapIdle !== undefined, null, { timeout: 90_000, polling: 50 });
    const timing = await page.evaluate(() => ({
      idle: (window as { __mapIdle?: number }).__mapIdle ?? NaN,
      origin: performance.timeOrigin,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    const idleAt = timing.origin + timing.idle;
    const files = (await Promise.all(bodies))
      .filter((f): f is FetchedFile & { startedAt: number } => f !== null && f.startedAt <= idleAt)
      .map(({ startedAt: _, ...f }) => f);
    return { idleMs: timing.idle, fcpMs: timing.fcp, files, errors };
  } finally {
    await context.close();
  }
}

interface ChangeSample {
  listFirstMs: number | null;
  listMs: number | null;
  renderMs: number | null;
  idleMs: number | null;
  visible: number | null;
  listItems: number | null;
  /** Source data replaced (setData) between the change and the idle. */
  contentEvents?: number;
  /** Tiles (re)loaded by the worker between the change and the idle. */
  tileEvents?: number;
  /**
   * The page's main thread busy (CDP Performance `TaskDuration`) from just before the change until
   * the list and the map have settled: the work the change costs, without the time the map's next
   * frame waits for the GPU process (software rasterisation here).
   */
  mainThreadMs?: number;
}

interface ChangeResult {
  projects: number;
  loadIdleMs: number;
  repaintMs: number[];
  filter: ChangeSample[];
  date: ChangeSample[];
  /** Date changes with a status filter on: projects enter and leave the list, so it always changes. */
  dateFiltered: ChangeSample[];
  errors: string[];
}

async function changes(
  browser: Browser,
  server: StaticServer,
  runs: number,
  earlierDate: string,
  projectsBody: string | null,
  projects: number,
): Promise<ChangeResult> {
  const { context, page, errors } = await freshPage(browser);
  try {
    if (projectsBody !== null) {
      await context.route('**/data/projects.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: projectsBody }),
      );
    }
    await page.goto(`${server.url}__bench/host.html`);
    await page.evaluate(PAGE_PROBE);
    await page.waitForFunction('window.__benchProbe.ready()', null, { timeout: 600_000, polling: 100 });
    const frame = page.frame({ url: /127\.0\.0\.1:\d+\/\?/ });
    const loadIdleMs = frame ? await frame.evaluate('window.__mapIdle') as number : NaN;
    const result: ChangeResult = { projects, loadIdleMs, repaintMs: [], filter: [], date: [], dateFiltered: [], errors };
    // The frame is same-origin: one renderer, so the page's main-thread metrics include the app's.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
    };
    const measure = async (patch: object): Promise<ChangeSample> => {
      const before = await taskSeconds();
      const sample = (await page.evaluate(`window.__benchProbe.measure(${JSON.stringify(patch)})`)) as ChangeSample;
      return { ...sample, mainThreadMs: ((await taskSeconds()) - before) * 1000 };
    };
    await page.evaluate('window.__benchProbe.settle()');
    for (let i = 0; i < runs; i++) {
      result.repaintMs.push((await page.evaluate('window.__benchProbe.repaintMs()')) as number);
      for (const patch of [{ cat: ['rail'] }, { cat: null }, { status: ['under-construction'] }, { status: null }]) {
        await page.evaluate('window.__benchProbe.settle()');
        result.filter.push(await measure(patch));
      }
      for (const patch of [{ date: earlierDate }, { date: null }]) {
        await page.evaluate('window.__benchProbe.settle()');
        result.date.push(await measure(patch));
      }
      // The same date changes with "under construction" ticked (not measured: set, then settled).
      await page.evaluate(`window.__benchProbe.measure(${JSON.stringify({ status: ['under-construction'] })})`);
      for (const patch of [{ date: earlierDate }, { date: null }]) {
        await page.evaluate('window.__benchProbe.settle()');
        result.dateFiltered.push(await measure(patch));
      }
      await page.evaluate(`window.__benchProbe.measure(${JSON.stringify({ status: null })})`);
    }
    return result;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- data

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A milestone date near the middle of all milestone dates: a date change that moves many projects. */
function middleMilestoneDate(file: ProjectsFile): string {
  const dates = file.projects
    .flatMap((p) => (Array.isArray(p.milestones) ? (p.milestones as { date?: unknown }[]) : []))
    .map((m) => m.date)
    .filter((d): d is string => typeof d === 'string')
    .sort();
  const d = dates[Math.floor(dates.length / 2)];
  if (!d) throw new Error('data/projects.json has no milestone dates');
  return d;
}

/**
 * The 10,000-project file, validated in Node with the app's own validator (every project must
 * pass). Cached in bench/results/ by a hash of its inputs: validating 10,000 projects against the
 * city polygons takes a while.
 */
function makeSynthetic(real: ProjectsFile): { body: string; shifted: number; valid: number; rejected: string[]; cached: boolean } {
  const inputs = ['data/projects.json', 'data/sources.json', 'data/region.topo.json', 'bench/synthetic-projects.ts', 'src/data/parse-projects.ts', 'src/data/project-schema.ts'];
  const hash = createHash('sha256');
  for (const f of inputs) hash.update(existsSync(join(ROOT, f)) ? readFileSync(join(ROOT, f)) : f);
  const key = hash.digest('hex').slice(0, 16);
  const cacheFile = join(RESULTS, `synthetic-${SYNTHETIC_COUNT}-${key}.json`);
  if (existsSync(cacheFile)) {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { body: string; shifted: number; valid: number; rejected: string[] };
    return { ...cached, cached: true };
  }
  const sources = parseSources(readJson(join(ROOT, 'data', 'sources.json')));
  if (!sources.ok) throw new Error(`data/sources.json: ${sources.error.message}`);
  const region = parseRegion(readJson(join(ROOT, 'data', 'region.topo.json')));
  if (!region.ok) throw new Error(`data/region.topo.json: ${region.error.message}`);
  const check = polygonRegionCheck(region.value.cities as FeatureCollection<Polygon | MultiPolygon>);
  const validate = (f: ProjectsFile) => validateProjectsFile(f, sources.value, check);
  const realResult = validate(real);
  if (!realResult.ok) throw new Error(`data/projects.json: ${realResult.error.message}`);
  const realInvalid = new Set(realResult.warnings.map((w) => w.id ?? ''));
  const invalidIds = (f: ProjectsFile): Set<string> => {
    const r = validate(f);
    if (!r.ok) throw new Error(`synthetic projects: ${r.error.message}`);
    return new Set(r.warnings.map((w) => w.id ?? ''));
  };
  const { file, shifted } = syntheticProjects(real, SYNTHETIC_COUNT, invalidIds);
  // Copies put back at the original position are exactly as valid as their original.
  const rejected = file.projects.map((p) => String(p.id)).filter((id) => realInvalid.has(id.replace(/-s\d{5}$/, '')));
  const out = { body: JSON.stringify(file), shifted, valid: SYNTHETIC_COUNT - rejected.length, rejected };
  writeFileSync(cacheFile, JSON.stringify(out));
  return { ...out, cached: false };
}

// ---------------------------------------------------------------- Node-side analysis

async function nodeAnalysis(): Promise<{ ok: true; value: unknown } | { ok: false; todo: string }> {
  const path = join(ROOT, 'bench', 'analyze.ts');
  if (!existsSync(path)) return { ok: false, todo: 'TODO: bench/analyze.ts (benchAnalyze(), helper-3) is not there yet — Node-side analysis of 10,000 projects not measured' };
  const mod = (await import(path)) as { benchAnalyze?: (opts?: { projects?: number }) => unknown };
  if (typeof mod.benchAnalyze !== 'function') return { ok: false, todo: 'TODO: bench/analyze.ts does not export benchAnalyze() yet' };
  return { ok: true, value: await mod.benchAnalyze({ projects: SYNTHETIC_COUNT }) };
}

// ---------------------------------------------------------------- main

function bytesSummary(files: FetchedFile[]) {
  const by = (k: FetchedFile['kind']) => files.filter((f) => f.kind === k);
  const sum = (fs: FetchedFile[], key: 'rawBytes' | 'gzipBytes') => fs.reduce((a, f) => a + f[key], 0);
  const kinds = ['js', 'css', 'data', 'html', 'other'] as const;
  return Object.fromEntries(kinds.map((k) => [k, { raw: sum(by(k), 'rawBytes'), gzip: sum(by(k), 'gzipBytes'), files: by(k).length }])) as Record<
    (typeof kinds)[number],
    { raw: number; gzip: number; files: number }
  >;
}

/** gzip bytes of MapLibre's own code in what was fetched: its worker file, and its modules in the map chunk. */
function mapLibreGzip(files: FetchedFile[], info: BuildInfo | null): { bytes: number; method: string } {
  const worker = files.filter((f) => /maplibre-gl-worker/.test(f.path)).reduce((a, f) => a + f.gzipBytes, 0);
  if (info) {
    const inChunks = files.reduce((a, f) => a + f.gzipBytes * (info.mapLibreShareByChunk[f.path.replace(/^\//, '')] ?? 0), 0);
    return { bytes: Math.round(worker + inChunks), method: "worker file + each fetched chunk's gzip size × MapLibre's share of that chunk's rendered code (build output)" };
  }
  // --no-build: estimate from the package's own minified files.
  const dist = join(ROOT, 'node_modules', 'maplibre-gl', 'dist');
  const main = ['maplibre-gl.mjs', 'maplibre-gl-shared.mjs'].reduce((a, f) => a + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  return { bytes: worker + main, method: "worker file + gzip of maplibre-gl's dist main files (estimate; run with a build for the exact split)" };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = new Date().toISOString();
  const info = await buildAll(args.build);

  const realProjects = readJson(join(ROOT, 'data', 'projects.json')) as ProjectsFile;
  const earlierDate = middleMilestoneDate(realProjects);
  const tSyn = performance.now();
  const synthetic = makeSynthetic(realProjects);
  console.log(`synthetic: ${synthetic.valid}/${SYNTHETIC_COUNT} valid (${synthetic.shifted} moved)${synthetic.cached ? ' (cached)' : ''} in ${((performance.now() - tSyn) / 1000).toFixed(1)} s`);
  const loadBefore = loadavg();

  const server = await startStaticServer({
    root: DIST,
    mounts: { '/bare/': BARE_OUT },
    files: { '/__bench/host.html': { body: hostPageHtml('?lang=en'), type: 'text/html; charset=utf-8' } },
    // As a production host serves a static site: Lighthouse's simulated slow 4G counts the
    // bytes on the wire. Both pages get it.
    gzip: true,
  });
  const origin = server.url.replace(/\/$/, '');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: launchArgs(), headless: true });
  const failures: string[] = [];
  try {
    // 1 + 2: first idle, interleaved.
    const app: IdleRun[] = [];
    const bare: IdleRun[] = [];
    for (let i = 0; i < args.runs; i++) {
      const order = i % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const which of order) {
        const r = await firstIdle(browser, which === 'app' ? server.url : `${server.url}bare/`, origin);
        (which === 'app' ? app : bare).push(r);
      }
      console.log(`run ${i + 1}/${args.runs}: app ${app[i]?.idleMs.toFixed(0)} ms, bare ${bare[i]?.idleMs.toFixed(0)} ms`);
    }
    const appIdle = stat(app.map((r) => r.idleMs));
    const bareIdle = stat(bare.map((r) => r.idleMs));
    const ratios = stat(app.map((r, i) => r.idleMs / (bare[i]?.idleMs ?? NaN)));
    // The bytes of the run whose responses were all readable: Chromium sometimes no longer holds a
    // body when it is asked for (`res.body()` fails, the file is left out), and a run that lost
    // the data files would understate the first load.
    const mostFiles = (runs: IdleRun[]) => runs.reduce((a, b) => (b.files.length > a.files.length ? b : a));
    const firstApp = mostFiles(app);
    const bytes = bytesSummary(firstApp.files);
    const bareBytes = bytesSummary(mostFiles(bare).files);
    const ml = mapLibreGzip(firstApp.files, info);
    const jsBeyond = bytes.js.gzip - ml.bytes;

    // 5 (first, on a quiet machine): Lighthouse, app and bare interleaved, a fresh browser each.
    const lhApp: LighthouseRun[] = [];
    const lhBare: LighthouseRun[] = [];
    for (let i = 0; i < args.lighthouseRuns; i++) {
      const order = i % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const which of order) {
        try {
          const r = await lighthouseRun(which === 'app' ? server.url : `${server.url}bare/`, process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', launchArgs());
          (which === 'app' ? lhApp : lhBare).push(r);
        } catch (e) {
          failures.push(`lighthouse ${which}: ${(e as Error).message}`);
        }
      }
      console.log(`lighthouse ${i + 1}/${args.lighthouseRuns}: app LCP ${lhApp[i]?.lcpMs.toFixed(0)} ms TTI ${lhApp[i]?.ttiMs.toFixed(0)} ms score ${lhApp[i]?.score}; bare LCP ${lhBare[i]?.lcpMs.toFixed(0)} ms TTI ${lhBare[i]?.ttiMs.toFixed(0)} ms score ${lhBare[i]?.score}`);
    }
    const lh = (runs: LighthouseRun[]) => ({
      lcpMs: stat(runs.map((r) => r.lcpMs)),
      ttiMs: stat(runs.map((r) => r.ttiMs)),
      fcpMs: stat(runs.map((r) => r.fcpMs)),
      tbtMs: stat(runs.map((r) => r.tbtMs)),
      score: stat(runs.map((r) => r.score)),
      lcpElements: [...new Set(runs.map((r) => r.lcpElement ?? '?'))],
      runs,
    });
    const lhAppS = lh(lhApp);
    const lhBareS = lh(lhBare);

    // 3: changes.
    const real = await changes(browser, server, args.runs, earlierDate, null, realProjects.projects.length);
    const big = await changes(browser, server, args.runs, earlierDate, synthetic.body, SYNTHETIC_COUNT);
    // 4: Node analysis.
    const analysis = await nodeAnalysis();

    const series = (samples: ChangeSample[]) => ({
      listMs: stat(samples.map((s) => s.listMs ?? NaN)),
      mapRenderMs: stat(samples.map((s) => s.renderMs ?? NaN)),
      mapIdleMs: stat(samples.map((s) => s.idleMs ?? NaN)),
      mainThreadMs: stat(samples.map((s) => s.mainThreadMs ?? NaN)),
      samples,
    });
    const summarise = (r: ChangeResult) => ({
      projects: r.projects,
      loadIdleMs: r.loadIdleMs,
      repaintMs: stat(r.repaintMs),
      filter: series(r.filter),
      date: series(r.date),
      dateFiltered: series(r.dateFiltered),
      /** Source data replaced and tiles (re)loaded by all the changes together: both should be 0. */
      traffic: {
        contentEvents: [...r.filter, ...r.date, ...r.dateFiltered].reduce((a, x) => a + (x.contentEvents ?? 0), 0),
        tileEvents: [...r.filter, ...r.date, ...r.dateFiltered].reduce((a, x) => a + (x.tileEvents ?? 0), 0),
      },
      errors: r.errors,
    });
    const realS = summarise(real);
    const bigS = summarise(big);

    for (const [name, errs] of [['app', app.flatMap((r) => r.errors)], ['bare', bare.flatMap((r) => r.errors)], ['changes (real)', real.errors], ['changes (10k)', big.errors]] as const) {
      if (errs.length) failures.push(`${name}: ${[...new Set(errs)].slice(0, 5).join(' | ')}`);
    }

    // ---- print
    const lines: string[] = [];
    const loadAfter = loadavg();
    lines.push('', `CDMZ Atlas benchmark — ${args.runs} runs, headless Chromium ${browser.version()} (SwiftShader software WebGL), medians (min–max)`);
    lines.push(`machine: ${cpus().length} CPUs, load average ${loadBefore[0]?.toFixed(1)} at start, ${loadAfter[0]?.toFixed(1)} at end (absolute times scale with load; the ratio is measured side by side)`, '');
    lines.push('First map idle after navigation (fresh context, cache off, same run, interleaved)');
    lines.push(`  app             ${ms(appIdle)}   first contentful paint ${ms(stat(app.map((r) => r.fcpMs ?? NaN)))}`);
    lines.push(`  bare MapLibre   ${ms(bareIdle)}`);
    lines.push(`  ratio app/bare  ${ratios ? `${ratios.median.toFixed(2)}× (${ratios.min.toFixed(2)}–${ratios.max.toFixed(2)})` : 'n/a'}`);
    lines.push('', 'Bytes fetched on first load (app; gzip -9 of each file)');
    for (const k of ['js', 'css', 'data', 'html', 'other'] as const) {
      const b = bytes[k];
      if (b.files) lines.push(`  ${k.padEnd(6)} ${String(b.files).padStart(3)} files  raw ${kb(b.raw).padStart(10)}  gzip ${kb(b.gzip).padStart(9)}`);
    }
    const totalRaw = Object.values(bytes).reduce((a, b) => a + b.raw, 0);
    const totalGz = Object.values(bytes).reduce((a, b) => a + b.gzip, 0);
    lines.push(`  total              raw ${kb(totalRaw).padStart(10)}  gzip ${kb(totalGz).padStart(9)}`);
    lines.push(`  MapLibre's own JS  gzip ${kb(ml.bytes)}   JS beyond MapLibre gzip ${kb(jsBeyond)}`);
    lines.push(`  (MapLibre's own = ${ml.method})`);
    lines.push(`  (bare page total: raw ${kb(Object.values(bareBytes).reduce((a, b) => a + b.raw, 0))}, gzip ${kb(Object.values(bareBytes).reduce((a, b) => a + b.gzip, 0))})`);
    for (const f of [...firstApp.files].sort((a, b) => b.gzipBytes - a.gzipBytes)) lines.push(`    ${f.path.padEnd(48)} raw ${kb(f.rawBytes).padStart(9)}  gzip ${kb(f.gzipBytes).padStart(8)}`);
    for (const [label, s] of [['real data', realS], [`${SYNTHETIC_COUNT.toLocaleString('en')} synthetic projects`, bigS]] as const) {
      lines.push('', `Changes via cdmz:set, ${label} (${s.projects} projects; page load to first idle ${s.loadIdleMs.toFixed(0)} ms)`);
      lines.push(`  map repaint with no change (floor) ${ms(s.repaintMs)}`);
      lines.push(`  filter → list settled ${ms(s.filter.listMs)}   → map first frame ${ms(s.filter.mapRenderMs)}   → map idle ${ms(s.filter.mapIdleMs)}`);
      lines.push(`  date   → list settled ${ms(s.date.listMs)}   → map first frame ${ms(s.date.mapRenderMs)}   → map idle ${ms(s.date.mapIdleMs)}`);
      lines.push(`  date, "under construction" ticked → list settled ${ms(s.dateFiltered.listMs)}   → map idle ${ms(s.dateFiltered.mapIdleMs)}`);
      lines.push(`  main thread busy per change (until list and map settled): filter ${ms(s.filter.mainThreadMs)}   date ${ms(s.date.mainThreadMs)}   date, ticked ${ms(s.dateFiltered.mainThreadMs)}`);
      const vis = [...new Set([...s.filter.samples, ...s.date.samples, ...s.dateFiltered.samples].map((x) => `${x.visible ?? '?'}/${x.listItems ?? '?'}`))].slice(0, 8);
      lines.push(`  (visible ids reported / list rows in the DOM: ${vis.join(', ')})`);
      const all = s.filter.samples.length + s.date.samples.length + s.dateFiltered.samples.length;
      lines.push(`  map data traffic over all ${all} measured changes: source data replaced ${s.traffic.contentEvents}×, tiles (re)loaded ${s.traffic.tileEvents}×`);
    }
    if (args.lighthouseRuns > 0) {
      lines.push('', `Lighthouse mobile defaults (simulated slow 4G, 4× CPU), ${args.lighthouseRuns} runs each, medians (min–max)`);
      const row = (name: string, a: Stat | null, b: Stat | null, unit: (x: number) => string) =>
        `  ${name.padEnd(26)} app ${(a ? `${unit(a.median)} (${unit(a.min)}–${unit(a.max)})` : 'n/a').padEnd(28)} bare ${b ? `${unit(b.median)} (${unit(b.min)}–${unit(b.max)})` : 'n/a'}`;
      const sec = (x: number) => `${(x / 1000).toFixed(2)} s`;
      lines.push(row('largest contentful paint', lhAppS.lcpMs, lhBareS.lcpMs, sec));
      lines.push(row('time to interactive', lhAppS.ttiMs, lhBareS.ttiMs, sec));
      lines.push(row('first contentful paint', lhAppS.fcpMs, lhBareS.fcpMs, sec));
      lines.push(row('total blocking time', lhAppS.tbtMs, lhBareS.tbtMs, (x) => `${x.toFixed(0)} ms`));
      lines.push(row('performance score', lhAppS.score, lhBareS.score, (x) => x.toFixed(0)));
      lines.push(`  largest paint element: app ${lhAppS.lcpElements.join(' | ')}; bare ${lhBareS.lcpElements.join(' | ')}`);
    }
    lines.push('', 'Node-side analysis of 10,000 projects (bench/analyze.ts)');
    lines.push(analysis.ok ? `  ${JSON.stringify(analysis.value)}` : `  ${analysis.todo}`);

    const worst = (a: Stat | null, b: Stat | null) => (a && b ? Math.max(a.median, b.median) : (a ?? b)?.median ?? null);
    const ttiRatio = lhAppS.ttiMs && lhBareS.ttiMs ? lhAppS.ttiMs.median / lhBareS.ttiMs.median : null;
    const scoreGap = lhAppS.score && lhBareS.score ? lhBareS.score.median - lhAppS.score.median : null;
    const budgets = [
      budgetLine('Lighthouse LCP (app) ≤ 2.0 s', lhAppS.lcpMs?.median ?? null, BUDGETS.lighthouseLcpMs, (x) => `${(x / 1000).toFixed(2)} s`),
      budgetLine('Lighthouse TTI app/bare ≤ 1.2×', ttiRatio, BUDGETS.lighthouseTtiRatio, (x) => `${x.toFixed(2)}×`),
      scoreGap === null
        ? { line: '  Lighthouse performance score app ≥ bare: not measured', pass: null }
        : { line: `  ${scoreGap <= 0 ? 'PASS' : 'MISS'}  Lighthouse performance score app ≥ bare: app ${lhAppS.score?.median} vs bare ${lhBareS.score?.median}`, pass: scoreGap <= 0 },
      budgetLine('first idle ≤ 1.3× bare MapLibre', ratios?.median ?? null, BUDGETS.firstIdleRatio, (x) => `${x.toFixed(2)}×`),
      budgetLine('JS beyond MapLibre ≤ 120 kB gzip', jsBeyond, BUDGETS.jsBeyondMapLibreGzipBytes, kb),
      budgetLine('filter change, 10k projects, list settled ≤ 50 ms', bigS.filter.listMs?.median ?? null, BUDGETS.listMs, (x) => `${x.toFixed(0)} ms`),
      budgetLine('filter change, 10k projects, map idle', bigS.filter.mapIdleMs?.median ?? null, BUDGETS.changeMs, (x) => `${x.toFixed(0)} ms`),
      budgetLine('date change ("under construction" ticked), 10k projects, list settled ≤ 50 ms', bigS.dateFiltered.listMs?.median ?? null, BUDGETS.listMs, (x) => `${x.toFixed(0)} ms`),
      budgetLine('date change, 10k projects, map idle', bigS.date.mapIdleMs?.median ?? null, BUDGETS.changeMs, (x) => `${x.toFixed(0)} ms`),
      budgetLine(
        '10k change, map idle minus the no-change repaint floor',
        (() => {
          const w = worst(bigS.filter.mapIdleMs, bigS.date.mapIdleMs);
          return w === null || !bigS.repaintMs ? null : w - bigS.repaintMs.median;
        })(),
        BUDGETS.changeMs,
        (x) => `${x.toFixed(0)} ms`,
      ),
    ];
    {
      const events = bigS.traffic.contentEvents + bigS.traffic.tileEvents + realS.traffic.contentEvents + realS.traffic.tileEvents;
      budgets.push({ line: `  ${events === 0 ? 'PASS' : 'MISS'}  date and filter changes (real and 10k): no setData, no tile reload: ${events} data/tile events (budget 0)`, pass: events === 0 });
    }
    lines.push('', 'Budgets');
    for (const b of budgets) lines.push(b.line);
    if (failures.length) lines.push('', 'Problems seen while measuring:', ...failures.map((f) => `  ${f}`));
    console.log(lines.join('\n'));

    const out = {
      started,
      runs: args.runs,
      machine: { cpus: cpus().length, loadAverageStart: loadBefore, loadAverageEnd: loadavg() },
      browser: { executable: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', version: browser.version(), args: launchArgs() },
      firstIdle: { appMs: appIdle, bareMs: bareIdle, ratio: ratios, appFcpMs: stat(app.map((r) => r.fcpMs ?? NaN)), appRunsMs: app.map((r) => r.idleMs), bareRunsMs: bare.map((r) => r.idleMs) },
      bytes: { app: bytes, bare: bareBytes, mapLibreGzip: ml, jsBeyondMapLibreGzip: jsBeyond, files: firstApp.files },
      changes: { earlierDate, real: realS, synthetic: { ...bigS, shifted: synthetic.shifted, valid: synthetic.valid, rejected: synthetic.rejected.slice(0, 20) } },
      nodeAnalysis: analysis,
      lighthouse: { app: lhAppS, bare: lhBareS, ttiRatio },
      budgets: { limits: BUDGETS, results: budgets.map((b) => ({ line: b.line.trim(), pass: b.pass })) },
      failures,
    };
    mkdirSync(dirname(join(RESULTS, 'latest.json')), { recursive: true });
    writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(out, null, 2));
    console.log(`\nwrote ${join('bench', 'results', 'latest.json')}`);
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`bench failed: ${(e as Error).stack ?? String(e)}`);
    process.exitCode = 1;
  },
);
