/**
 * A category symbol at a status, drawn with the same function as the map's icons.
 */
import { useEffect, useRef } from 'react';
import type { Category, Status } from '../domain/types';
import { drawCategorySymbol } from '../theme/category-symbol';
import type { SymbolShape } from '../theme/palette';

interface SymbolSwatchProps {
  category: Category;
  status: Status | null;
  sizePx?: number;
  /** A neutral look for a status key (see STATUS_KEY_LOOK). */
  look?: { color?: string; shape?: SymbolShape };
  /** e.g. STALE_OPACITY for the faded sample. */
  opacity?: number;
}

export function SymbolSwatch({ category, status, sizePx = 18, look, opacity }: SymbolSwatchProps) {
  const color = look?.color;
  const shape = look?.shape;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = sizePx * ratio;
    canvas.height = sizePx * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawCategorySymbol(ctx, category, status, sizePx, { color, shape });
  }, [category, status, sizePx, color, shape]);
  return <canvas ref={ref} className="symbol-swatch" style={{ width: sizePx, height: sizePx, opacity }} aria-hidden="true" />;
}

/** A short line sample: colour, dash (in line widths, as MapLibre), width and blur. */
export function LineSwatch({ color, dash, widthPx = 3, blurPx = 0, opacity = 1 }: { color: string; dash: number[]; widthPx?: number; blurPx?: number; opacity?: number }) {
  const dasharray = dash.length ? dash.map((d) => d * widthPx).join(' ') : undefined;
  return (
    <svg className="line-swatch" width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
      <line
        x1="2" y1="6" x2="32" y2="6"
        stroke={color}
        strokeWidth={widthPx}
        strokeDasharray={dasharray}
        strokeOpacity={opacity}
        style={blurPx ? { filter: `blur(${blurPx / 2}px)` } : undefined}
      />
    </svg>
  );
}
