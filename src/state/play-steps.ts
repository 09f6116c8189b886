/**
 * Play through time (issue 12 §4): what the date slider's Play does next. Pure; the slider
 * (panels/date-slider.tsx, ui team) runs the timer and calls `nextPlayDay` on every tick.
 *
 * A date change costs the map a repaint (map-owner.ts: feature-state, no re-tiling), so Play can
 * move a week at a time across the whole timeline (`smooth`), not only jump between records.
 * Readers who ask for reduced motion (`prefers-reduced-motion: reduce`) get `steps`: one record
 * date (milestone or source document) at a time, with a pause long enough to read the change.
 */

export interface PlayMode {
  /** Days per tick; null = to the next record date. */
  stepDays: number | null;
  /** Milliseconds between ticks. */
  intervalMs: number;
}

export const PLAY_MODES = {
  smooth: { stepDays: 7, intervalMs: 150 },
  steps: { stepDays: null, intervalMs: 1500 },
} as const satisfies Record<string, PlayMode>;

/** The mode for a reader: steps when they ask for reduced motion. */
export function playMode(reducedMotion: boolean): PlayMode {
  return reducedMotion ? PLAY_MODES.steps : PLAY_MODES.smooth;
}

/**
 * The day after `current` while playing, or null when Play has reached `end` (stop).
 * @param ticks record days (sorted ascending), used by `steps`
 * @example nextPlayDay(100, { start: 0, end: 110, ticks: [] }, PLAY_MODES.smooth) // 107
 */
export function nextPlayDay(current: number, timeline: { start: number; end: number; ticks: readonly number[] }, mode: PlayMode): number | null {
  if (!Number.isFinite(current) || current >= timeline.end) return null;
  const from = Math.max(current, timeline.start);
  if (mode.stepDays === null) {
    const next = timeline.ticks.find((d) => d > from);
    return next === undefined || next > timeline.end ? timeline.end : next;
  }
  return Math.min(timeline.end, from + Math.max(1, Math.round(mode.stepDays)));
}
