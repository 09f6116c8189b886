/**
 * Lighthouse in the bench (issue 12 budgets): its mobile defaults (simulated slow 4G, 4× CPU
 * slowdown, Moto G Power screen), performance category only, run through its Node API against
 * Chromium started by chrome-launcher with the end-to-end tests' flags (SwiftShader WebGL).
 * A fresh browser per run (no cache, no state carried over). Asserts nothing; bench/run.ts
 * prints the figures side by side and compares them with the budgets.
 */
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';

export interface LighthouseRun {
  /** Largest contentful paint, ms (simulated). */
  lcpMs: number;
  /** Time to interactive, ms (simulated). */
  ttiMs: number;
  /** First contentful paint, ms (simulated). */
  fcpMs: number;
  /** Total blocking time, ms (simulated). */
  tbtMs: number;
  /** Performance score 0–100. */
  score: number;
  /** What Lighthouse says the largest contentful paint was (its selector). */
  lcpElement: string | null;
  warnings: string[];
}

function numeric(lhr: { audits: Record<string, { numericValue?: number } | undefined> }, id: string): number {
  const v = lhr.audits[id]?.numericValue;
  return typeof v === 'number' ? v : NaN;
}

/**
 * One Lighthouse run of `url` with its default (mobile) settings.
 * @param chromeFlags the browser's flags (the e2e tests' SwiftShader flags; `--headless=new` is added)
 */
export async function lighthouseRun(url: string, chromePath: string, chromeFlags: readonly string[]): Promise<LighthouseRun> {
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...chromeFlags], logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const lcpItem = (lhr.audits['largest-contentful-paint-element']?.details as { items?: { items?: { node?: { selector?: string } }[] }[] } | undefined)?.items?.[0]?.items?.[0]?.node?.selector ?? null;
    return {
      lcpMs: numeric(lhr, 'largest-contentful-paint'),
      ttiMs: numeric(lhr, 'interactive'),
      fcpMs: numeric(lhr, 'first-contentful-paint'),
      tbtMs: numeric(lhr, 'total-blocking-time'),
      score: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
      lcpElement: lcpItem,
      warnings: lhr.runWarnings,
    };
  } finally {
    chrome.kill();
  }
}
