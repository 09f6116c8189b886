/**
 * Draws the symbol of a category at a status: the shape tells the category, the fill level
 * (hollow → filled from the bottom up) tells the status, the colour repeats the category.
 * Used for the map's icons and for the legend, so both always agree.
 */
import type { Category, Status } from '../domain/types';
import { CATEGORY_COLORS, CATEGORY_SHAPES, STATUS_STYLE, type SymbolShape } from './palette';

function tracePolygon(ctx: CanvasRenderingContext2D, points: Array<[number, number]>): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
}

function regular(n: number, r: number, c: number, rotationRad: number): Array<[number, number]> {
  return Array.from({ length: n }, (_, i) => {
    const a = rotationRad + (i * 2 * Math.PI) / n;
    return [c + r * Math.cos(a), c + r * Math.sin(a)] as [number, number];
  });
}

/** A symbol's outline in a square of side `size`: a circle or a closed polygon (canvas and SVG draw the same). */
export type ShapeOutline = { kind: 'circle'; c: number; r: number } | { kind: 'polygon'; points: Array<[number, number]> };

/** The outline of `shape` centred in a square of side `size` (pixels), leaving room for the stroke. */
export function shapeOutline(shape: SymbolShape, size: number): ShapeOutline {
  const c = size / 2;
  const r = size / 2 - 2;
  const up = -Math.PI / 2;
  const polygon = (points: Array<[number, number]>): ShapeOutline => ({ kind: 'polygon', points });
  switch (shape) {
    case 'circle':
      return { kind: 'circle', c, r };
    case 'square':
      return polygon(regular(4, r * 1.05, c, Math.PI / 4));
    case 'diamond':
      return polygon(regular(4, r, c, up));
    case 'triangle':
      return polygon(regular(3, r * 1.1, c + 1.5, up));
    case 'triangle-down':
      return polygon(regular(3, r * 1.1, c - 1.5, Math.PI / 2));
    case 'pentagon':
      return polygon(regular(5, r, c, up));
    case 'hexagon':
      return polygon(regular(6, r, c, 0));
    case 'star': {
      const pts: Array<[number, number]> = [];
      for (let i = 0; i < 10; i++) {
        const a = up + (i * Math.PI) / 5;
        const rr = i % 2 === 0 ? r : r * 0.5;
        pts.push([c + rr * Math.cos(a), c + rr * Math.sin(a)]);
      }
      return polygon(pts);
    }
    case 'cross': {
      const t = r * 0.38;
      return polygon([
        [c - t, c - r], [c + t, c - r], [c + t, c - t], [c + r, c - t], [c + r, c + t], [c + t, c + t],
        [c + t, c + r], [c - t, c + r], [c - t, c + t], [c - r, c + t], [c - r, c - t], [c - t, c - t],
      ]);
    }
  }
}

/** Traces `shape` centred in a square of side `size` (pixels), leaving room for the stroke. */
export function traceShape(ctx: CanvasRenderingContext2D, shape: SymbolShape, size: number): void {
  const o = shapeOutline(shape, size);
  if (o.kind === 'circle') {
    ctx.beginPath();
    ctx.arc(o.c, o.c, o.r, 0, 2 * Math.PI);
  } else tracePolygon(ctx, o.points);
}

/**
 * Paints the symbol for (category, status) into `ctx` over a `size`×`size` square.
 * `status` null draws the hollow symbol (used for "location known, no status yet").
 */
export function drawCategorySymbol(
  ctx: CanvasRenderingContext2D,
  category: Category,
  status: Status | null,
  size: number,
  /** The legends' status key: the same fill rule on a neutral shape (e.g. a grey square). */
  look: { color?: string; shape?: SymbolShape } = {},
): void {
  const color = look.color ?? CATEGORY_COLORS[category];
  const shape = look.shape ?? CATEGORY_SHAPES[category];
  const fill = status ? STATUS_STYLE[status].fill : 0;
  ctx.clearRect(0, 0, size, size);
  // White ground so a hollow symbol stays readable over any fill.
  traceShape(ctx, shape, size);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  if (fill > 0) {
    ctx.save();
    traceShape(ctx, shape, size);
    ctx.clip();
    ctx.fillStyle = color;
    const h = size * fill;
    ctx.fillRect(0, size - h, size, h);
    ctx.restore();
  }
  traceShape(ctx, shape, size);
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = color;
  ctx.stroke();
}

/** The image id of a symbol on the map: `sym-<category>-<status|none>`. */
export function symbolImageId(category: Category, status: Status | null): string {
  return `sym-${category}-${status ?? 'none'}`;
}
