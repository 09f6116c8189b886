import { describe, expect, it } from 'vitest';
import { afterFirstPaint, FIRST_PAINT_POLL_MS, FIRST_PAINT_WAIT_MS, type PaintClock } from '../../../src/app/after-first-paint';

/** A hand-driven clock: timers and animation frames run only when the test says so. */
function fakeClock(opts: { paintTiming: boolean; fcpAlready?: boolean; raf?: boolean; hidden?: boolean }) {
  let now = 0;
  let inTimeline = opts.fcpAlready === true;
  let nextId = 1;
  const timers = new Map<number, { at: number; cb: () => void }>();
  let frames: (() => void)[] = [];
  let observerCb: ((list: { getEntries(): { name: string }[] }) => void) | null = null;
  let disconnected = false;
  const log: string[] = [];
  class FakeObserver {
    static readonly supportedEntryTypes = opts.paintTiming ? ['paint', 'navigation'] : ['navigation'];
    constructor(cb: (list: { getEntries(): { name: string }[] }) => void) {
      observerCb = cb;
    }
    observe(o: { type: string; buffered?: boolean }) {
      log.push(`observe ${o.type} buffered=${String(o.buffered)}`);
    }
    disconnect() {
      disconnected = true;
    }
  }
  const clock: PaintClock = {
    performance: { getEntriesByName: (name: string) => (inTimeline && name === 'first-contentful-paint' ? [{ name } as PerformanceEntry] : []) },
    PerformanceObserver: FakeObserver,
    requestAnimationFrame: opts.raf === false ? undefined : (cb) => frames.push(cb),
    document: { visibilityState: opts.hidden ? 'hidden' : 'visible' },
    setTimeout: (cb, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, cb });
      return id;
    },
    clearTimeout: (id: never) => {
      timers.delete(id as unknown as number);
    },
  };
  return {
    clock,
    log,
    get disconnected() {
      return disconnected;
    },
    get pendingTimers() {
      return timers.size;
    },
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(id);
          t.cb();
        }
      }
    },
    frame() {
      const run = frames;
      frames = [];
      for (const f of run) f();
    },
    /** The entry reaches the observer (Chromium: a later task than the timeline). */
    paint(name: string) {
      observerCb?.({ getEntries: () => [{ name }] });
    },
    /** The entry is in the performance timeline (before any observer hears of it). */
    presentFcp() {
      inTimeline = true;
    },
  };
}

/** Whether the promise has settled after the microtasks queued so far. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => {
    done = true;
  });
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
}

describe('afterFirstPaint', () => {
  it('resolves at once when the first contentful paint has already been presented', async () => {
    const c = fakeClock({ paintTiming: true, fcpAlready: true });
    const p = afterFirstPaint(c.clock);
    expect(await settled(p)).toBe(true);
    expect(c.pendingTimers).toBe(0);
    expect(c.log).toEqual([]); // no observer needed
  });

  it('resolves at once in a tab opened in the background (it paints nothing until shown)', async () => {
    const c = fakeClock({ paintTiming: true, hidden: true });
    const p = afterFirstPaint(c.clock);
    expect(await settled(p)).toBe(true);
    expect(c.pendingTimers).toBe(0);
    expect(c.log).toEqual([]);
  });

  it('waits for the first contentful paint entry, not the first paint, then stops observing', async () => {
    const c = fakeClock({ paintTiming: true });
    const p = afterFirstPaint(c.clock);
    expect(c.log).toEqual(['observe paint buffered=true']);
    c.advance(FIRST_PAINT_WAIT_MS - 1);
    c.paint('first-paint');
    expect(await settled(p)).toBe(false);
    c.paint('first-contentful-paint');
    expect(await settled(p)).toBe(true);
    expect(c.disconnected).toBe(true);
    expect(c.pendingTimers).toBe(0);
  });

  it('reads the timeline too: the entry counts as soon as it is there, before the observer is told', async () => {
    const c = fakeClock({ paintTiming: true });
    const p = afterFirstPaint(c.clock);
    c.advance(FIRST_PAINT_POLL_MS * 3);
    expect(await settled(p)).toBe(false);
    c.presentFcp();
    c.advance(FIRST_PAINT_POLL_MS);
    expect(await settled(p)).toBe(true);
    expect(c.disconnected).toBe(true);
    expect(c.pendingTimers).toBe(0);
  });

  it('gives up waiting after FIRST_PAINT_WAIT_MS (a hidden tab never paints)', async () => {
    const c = fakeClock({ paintTiming: true });
    const p = afterFirstPaint(c.clock);
    c.advance(FIRST_PAINT_WAIT_MS - 1);
    expect(await settled(p)).toBe(false);
    c.advance(1);
    expect(await settled(p)).toBe(true);
    expect(c.disconnected).toBe(true);
  });

  it('without paint timing: after two animation frames and a task', async () => {
    const c = fakeClock({ paintTiming: false });
    const p = afterFirstPaint(c.clock);
    expect(c.log).toEqual([]);
    c.frame();
    expect(await settled(p)).toBe(false);
    c.frame();
    expect(await settled(p)).toBe(false);
    c.advance(0);
    expect(await settled(p)).toBe(true);
    expect(c.pendingTimers).toBe(0);
  });

  it('without paint timing or animation frames: the wait limit still ends it', async () => {
    const c = fakeClock({ paintTiming: false, raf: false });
    const p = afterFirstPaint(c.clock, 50);
    c.advance(49);
    expect(await settled(p)).toBe(false);
    c.advance(1);
    expect(await settled(p)).toBe(true);
  });
});
