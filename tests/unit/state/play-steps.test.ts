import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextPlayDay, PLAY_MODES, playMode } from '../../../src/state/play-steps';

const timeline = { start: 100, end: 400, ticks: [120, 150, 390] };

describe('Play', () => {
  it('moves a week at a time, and stops at the end', () => {
    expect(nextPlayDay(100, timeline, PLAY_MODES.smooth)).toBe(107);
    expect(nextPlayDay(396, timeline, PLAY_MODES.smooth)).toBe(400);
    expect(nextPlayDay(400, timeline, PLAY_MODES.smooth)).toBeNull();
    expect(nextPlayDay(50, timeline, PLAY_MODES.smooth)).toBe(107);
  });

  it('with reduced motion steps from record to record, then to the end', () => {
    expect(playMode(true)).toBe(PLAY_MODES.steps);
    expect(nextPlayDay(100, timeline, PLAY_MODES.steps)).toBe(120);
    expect(nextPlayDay(150, timeline, PLAY_MODES.steps)).toBe(390);
    expect(nextPlayDay(390, timeline, PLAY_MODES.steps)).toBe(400);
    expect(nextPlayDay(400, timeline, PLAY_MODES.steps)).toBeNull();
  });

  it('always moves forward within the timeline and reaches the end (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 3000 }), fc.boolean(), fc.array(fc.integer({ min: 0, max: 5000 })), (start, len, reduced, rawTicks) => {
        const t = { start, end: start + len, ticks: [...new Set(rawTicks)].sort((a, b) => a - b) };
        let day = start;
        let steps = 0;
        for (;;) {
          const next = nextPlayDay(day, t, playMode(reduced));
          if (next === null) break;
          expect(next).toBeGreaterThan(day);
          expect(next).toBeLessThanOrEqual(t.end);
          day = next;
          steps += 1;
          expect(steps).toBeLessThan(5000);
        }
        expect(day).toBe(t.end);
      }),
    );
  });
});
