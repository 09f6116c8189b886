import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FRAME_MARGIN_PX, paddingForCovers, type Box } from '../../../src/map/framing';

const map: Box = { left: 0, top: 64, right: 1040, bottom: 774 };

describe('paddingForCovers', () => {
  it('pads each cover from its cheapest side', () => {
    // A legend in the top-left corner, taller than wide: pad the left.
    const legend: Box = { left: 10, top: 74, right: 210, bottom: 474 };
    // Zoom buttons top right, small: pad the right (or top, whichever is cheaper).
    const attribution: Box = { left: 700, top: 750, right: 1040, bottom: 774 };
    const p = paddingForCovers(map, [legend, attribution]);
    expect(p.left).toBe(210 + FRAME_MARGIN_PX);
    expect(p.bottom).toBe(24 + FRAME_MARGIN_PX);
    expect(p.top).toBe(FRAME_MARGIN_PX);
    expect(p.right).toBe(FRAME_MARGIN_PX);
  });

  it('a collapsed phone sheet over the bottom of the map pads the bottom', () => {
    const phone: Box = { left: 0, top: 60, right: 390, bottom: 844 };
    const sheet: Box = { left: 0, top: 844 - 180, right: 390, bottom: 844 };
    expect(paddingForCovers(phone, [sheet]).bottom).toBe(180 + FRAME_MARGIN_PX);
  });

  it('ignores covers outside the map', () => {
    expect(paddingForCovers(map, [{ left: 1100, top: 0, right: 1400, bottom: 900 }])).toEqual({ top: 24, right: 24, bottom: 24, left: 24 });
  });

  it('always leaves a visible part of at least 48 px each way (property)', () => {
    const box = fc.tuple(fc.integer({ min: -200, max: 1500 }), fc.integer({ min: -200, max: 1000 }), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 1000 }))
      .map(([l, t, w, h]): Box => ({ left: l, top: t, right: l + w, bottom: t + h }));
    fc.assert(
      fc.property(fc.array(box, { maxLength: 6 }), fc.integer({ min: 60, max: 1600 }), fc.integer({ min: 60, max: 1200 }), (covers, w, h) => {
        const m: Box = { left: 0, top: 0, right: w, bottom: h };
        const p = paddingForCovers(m, covers);
        for (const v of Object.values(p)) expect(v).toBeGreaterThanOrEqual(0);
        expect(w - p.left - p.right).toBeGreaterThanOrEqual(48);
        expect(h - p.top - p.bottom).toBeGreaterThanOrEqual(48);
      }),
    );
  });
});
