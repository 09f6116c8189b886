/**
 * THE ONE FIRST-VIEW ORDERING RULE (content first): the page's own code waits for the first
 * contentful paint to be presented before it fetches the data, React's code and the map's code
 * and runs them (src/main.ts). The prerendered page (header, filters, list, legend, the poster
 * map) needs none of them to be seen.
 *
 * Why, measured (README "Performance"):
 * - Asking for the map's WebGL context, linking its first shader program or reading back a
 *   canvas is a synchronous call into the GPU process. Made while the GPU process still
 *   rasterises and presents the page's first frame, it waits for that frame and the frame waits
 *   for it: in headless Chromium (SwiftShader, a 412×823 phone viewport) the map created during
 *   hydration held the main thread 1.8 s in `getContext` and the first contentful paint came at
 *   2.3 s.
 * - Downloads compete with what paints first on a slow network, and Lighthouse's simulated
 *   largest paint includes every request that finished before the observed one (lantern
 *   `LargestContentfulPaint.getPessimisticGraph`), so the HTML preloads nothing.
 *
 * Nothing here touches MapLibre: it is a browser-level ordering, tested in
 * tests/unit/app/after-first-paint.test.ts and, in Chromium, by tests/e2e/prerender.spec.ts
 * (the data, the shell and the map start after the paint entry).
 */

/**
 * Longest wait for the paint entry, which a page with nothing contentful, or a frame the browser
 * does not draw (an iframe scrolled out of view), never gets. Long enough for a slow phone's
 * first frame.
 */
export const FIRST_PAINT_WAIT_MS = 3000;

/** What this needs of the browser (window in the app; a fake in the unit tests). */
export interface PaintClock {
  performance?: Pick<Performance, 'getEntriesByName'>;
  PerformanceObserver?: {
    new (cb: (list: { getEntries(): { name: string }[] }) => void): { observe(o: { type: string; buffered?: boolean }): void; disconnect(): void };
    readonly supportedEntryTypes?: readonly string[];
  };
  requestAnimationFrame?: (cb: () => void) => unknown;
  document?: { visibilityState?: string };
  setTimeout: (cb: () => void, ms: number) => unknown;
  clearTimeout: (id: never) => void;
}

/**
 * How often the performance timeline is looked at. Chromium adds the paint entry to the timeline
 * when the frame is presented but tells observers in a later, low-priority task (measured: up to
 * 0.7 s later while the page was busy), so the timeline is read as well as observed.
 */
export const FIRST_PAINT_POLL_MS = 25;

/**
 * Resolves once the first contentful paint has been presented (at once if it already has, or if
 * the page is hidden), or after `waitMs`, whichever comes first. Where the browser has no paint
 * timing, after the next frame has been produced (two animation frames, then a task).
 */
export function afterFirstPaint(clock: PaintClock = window as unknown as PaintClock, waitMs = FIRST_PAINT_WAIT_MS): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    let observer: { disconnect(): void } | null = null;
    let poll: unknown = null;
    const finish = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      clock.clearTimeout(timer as never);
      if (poll !== null) clock.clearTimeout(poll as never);
      resolve();
    };
    const timer = clock.setTimeout(finish, waitMs);
    // A tab opened in the background paints nothing until it is shown: nothing to wait for, and
    // the page is ready when the reader comes to it.
    if (clock.document?.visibilityState === 'hidden') {
      finish();
      return;
    }
    const PO = clock.PerformanceObserver;
    const perf = clock.performance;
    if (PO?.supportedEntryTypes?.includes('paint') && perf) {
      const painted = () => perf.getEntriesByName('first-contentful-paint').length > 0;
      if (painted()) {
        finish();
        return;
      }
      const o = new PO((list) => {
        if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) finish();
      });
      observer = o;
      o.observe({ type: 'paint', buffered: true });
      const look = () => {
        poll = null;
        if (done) return;
        if (painted()) finish();
        else poll = clock.setTimeout(look, FIRST_PAINT_POLL_MS);
      };
      poll = clock.setTimeout(look, FIRST_PAINT_POLL_MS);
      return;
    }
    const raf = clock.requestAnimationFrame;
    if (raf) raf(() => raf(() => clock.setTimeout(finish, 0)));
  });
}
