/**
 * The category symbol at a status as SVG markup — the same outline, fill level and colours as
 * `drawCategorySymbol` (canvas, the map's icons). For the poster map (src/map/poster-svg.ts)
 * and the legend and list swatches (src/ui/symbol-swatch.tsx), which then need no script to show.
 */
import type { Category, Status } from '../domain/types';
import { shapeOutline } from './category-symbol';
import { CATEGORY_COLORS, CATEGORY_SHAPES, STATUS_STYLE, type SymbolShape } from './palette';

const n = (v: number) => String(Math.round(v * 100) / 100);

/** The outline as one SVG element's tag name and attributes. */
export function outlineElement(
  category: Category,
  size: number,
  shape: SymbolShape = CATEGORY_SHAPES[category],
): { tag: 'circle'; cx: number; cy: number; r: number } | { tag: 'path'; d: string } {
  const o = shapeOutline(shape, size);
  if (o.kind === 'circle') return { tag: 'circle', cx: o.c, cy: o.c, r: o.r };
  return { tag: 'path', d: `M${o.points.map(([x, y]) => `${n(x)} ${n(y)}`).join('L')}Z` };
}

/**
 * The fill: white, filled with the category colour from the bottom up to the status's share (a
 * hard-stop gradient in the symbol's own coordinates). Null status: hollow.
 */
export function symbolFill(category: Category, status: Status | null): { share: number; color: string } {
  return { share: status ? STATUS_STYLE[status].fill : 0, color: CATEGORY_COLORS[category] };
}

/**
 * A complete `<symbol>` (id `id`, viewBox 0 0 size size) with its gradient, as markup.
 * @example symbolDefinition('rail', 'complete', 22, 's-rail-complete')
 */
export function symbolDefinition(category: Category, status: Status | null, size: number, id: string): string {
  const { share, color } = symbolFill(category, status);
  const el = outlineElement(category, size);
  const shape = (attrs: string) => (el.tag === 'circle' ? `<circle cx="${n(el.cx)}" cy="${n(el.cy)}" r="${n(el.r)}" ${attrs}/>` : `<path d="${el.d}" ${attrs}/>`);
  let fill = '#ffffff';
  let grad = '';
  if (share >= 1) fill = color;
  else if (share > 0) {
    grad = `<linearGradient id="${id}-g" gradientUnits="userSpaceOnUse" x1="0" y1="${size}" x2="0" y2="0"><stop offset="${share}" stop-color="${color}"/><stop offset="${share}" stop-color="#ffffff"/></linearGradient>`;
    fill = `url(#${id}-g)`;
  }
  return `<symbol id="${id}" viewBox="0 0 ${size} ${size}">${grad}${shape(`fill="${fill}" stroke="${color}" stroke-width="2" stroke-linejoin="round"`)}</symbol>`;
}
