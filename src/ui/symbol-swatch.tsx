/**
 * A category symbol at a status, drawn with the same function as the map's icons.
 */
import { useEffect, useRef } from 'react';
import type { Category, Status } from '../domain/types';
import { drawCategorySymbol } from '../theme/category-symbol';

export function SymbolSwatch({ category, status, sizePx = 18 }: { category: Category; status: Status | null; sizePx?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = sizePx * ratio;
    canvas.height = sizePx * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawCategorySymbol(ctx, category, status, sizePx);
  }, [category, status, sizePx]);
  return <canvas ref={ref} className="symbol-swatch" style={{ width: sizePx, height: sizePx }} aria-hidden="true" />;
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
