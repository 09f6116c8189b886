/**
 * Framing in the part of the map the reader can see (contract 3): every element over the map
 * carries `data-covers-map`; at each camera move the owner measures their rects (intersected
 * with the map's) and pads the camera so the framed content lands in the uncovered part. On a
 * phone the bottom sheet's collapsed height (`--sheet-collapsed`, px) is padded at the bottom,
 * even while the sheet is expanded (the reader collapses it to see the map).
 *
 * `paddingForCovers` is pure (tested); `measurePadding` reads the DOM.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Space kept around framed content inside the visible part, px. */
export const FRAME_MARGIN_PX = 24;
/** The visible part never shrinks below this, px: padding is cut back to leave it. */
const MIN_VISIBLE_PX = 48;

/**
 * The padding that keeps framed content clear of every cover. Each cover is pushed from the
 * side where avoiding it costs the least room (a legend in the top-left corner that is taller
 * than wide pads the left). Covers outside the map are ignored.
 */
export function paddingForCovers(map: Box, covers: readonly Box[], margin = FRAME_MARGIN_PX): Padding {
  const pad: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  for (const c of covers) {
    const l = Math.max(c.left, map.left);
    const r = Math.min(c.right, map.right);
    const t = Math.max(c.top, map.top);
    const b = Math.min(c.bottom, map.bottom);
    if (!(r > l && b > t)) continue;
    const options: Array<[keyof Padding, number]> = [
      ['left', r - map.left],
      ['right', map.right - l],
      ['top', b - map.top],
      ['bottom', map.bottom - t],
    ];
    // The cheapest side, measured as the share of the map's extent it takes.
    options.sort((x, y) => x[1] / (x[0] === 'left' || x[0] === 'right' ? width : height) - y[1] / (y[0] === 'left' || y[0] === 'right' ? width : height));
    const [side, px] = options[0] as [keyof Padding, number];
    pad[side] = Math.max(pad[side], px);
  }
  const out: Padding = { top: pad.top + margin, right: pad.right + margin, bottom: pad.bottom + margin, left: pad.left + margin };
  // Leave at least MIN_VISIBLE_PX in each direction (scale the padding down when it would not).
  const fit = (a: keyof Padding, b: keyof Padding, extent: number) => {
    const total = out[a] + out[b];
    const room = Math.max(0, extent - MIN_VISIBLE_PX);
    if (total > room && total > 0) {
      const k = room / total;
      out[a] = Math.floor(out[a] * k);
      out[b] = Math.floor(out[b] * k);
    }
  };
  fit('left', 'right', width);
  fit('top', 'bottom', height);
  return out;
}

function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

/** The collapsed bottom sheet's height from `--sheet-collapsed` on the app root or `:root`, px (0 when unset). */
export function sheetCollapsedPx(doc: Document = document): number {
  const read = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).getPropertyValue('--sheet-collapsed')) : NaN);
  const v = read(doc.querySelector('.app')) || read(doc.documentElement);
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/**
 * Measures the covers over `mapEl` now and returns the camera padding. `--sheet-collapsed` is
 * taken as a cover along the bottom of the window.
 */
export function measurePadding(mapEl: HTMLElement): Padding {
  const map = boxOf(mapEl);
  const covers: Box[] = [];
  for (const el of document.querySelectorAll('[data-covers-map]')) {
    if (el instanceof HTMLElement && el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue; // not rendered
    covers.push(boxOf(el));
  }
  const sheet = sheetCollapsedPx();
  if (sheet > 0) covers.push({ left: map.left, right: map.right, top: window.innerHeight - sheet, bottom: window.innerHeight });
  return paddingForCovers(map, covers);
}
