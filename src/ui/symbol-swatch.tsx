/**
 * A category symbol at a status, with the same outline, fill level and colours as the map's
 * icons (src/theme/category-symbol-svg.ts). SVG, so it is in the prerendered page and shows
 * without script.
 */
import { useId } from 'react';
import type { Category, Status } from '../domain/types';
import type { SymbolShape } from '../theme/palette';
import { outlineElement, symbolFill } from '../theme/category-symbol-svg';

/** The outline is drawn in a 22-unit square (the map's icon size) and scaled to `sizePx`. */
const UNITS = 22;

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
  const gradientId = `sw${useId().replace(/[^\w-]/g, '')}`;
  const { share, color: categoryColor } = symbolFill(category, status);
  const color = look?.color ?? categoryColor;
  const el = outlineElement(category, UNITS, look?.shape);
  const fill = share >= 1 ? color : share > 0 ? `url(#${gradientId})` : '#ffffff';
  const paint = { fill, stroke: color, strokeWidth: 2, strokeLinejoin: 'round' as const };
  return (
    <svg className="symbol-swatch" width={sizePx} height={sizePx} viewBox={`0 0 ${UNITS} ${UNITS}`} opacity={opacity} aria-hidden="true" focusable="false">
      {share > 0 && share < 1 ? (
        <linearGradient id={gradientId} gradientUnits="userSpaceOnUse" x1="0" y1={UNITS} x2="0" y2="0">
          <stop offset={share} stopColor={color} />
          <stop offset={share} stopColor="#ffffff" />
        </linearGradient>
      ) : null}
      {el.tag === 'circle' ? <circle cx={el.cx} cy={el.cy} r={el.r} {...paint} /> : <path d={el.d} {...paint} />}
    </svg>
  );
}

/** A short line sample: colour, dash (in line widths, as MapLibre), width and blur. */
export function LineSwatch({ color, dash, widthPx = 3, blurPx = 0, opacity = 1 }: { color: string; dash: number[]; widthPx?: number; blurPx?: number; opacity?: number }) {
  const dasharray = dash.length ? dash.map((d) => d * widthPx).join(' ') : undefined;
  const blurId = `lb${useId().replace(/[^\w-]/g, '')}`;
  return (
    <svg className="line-swatch" width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
      <line
        x1="2" y1="6" x2="32" y2="6"
        stroke={color}
        strokeWidth={widthPx}
        strokeDasharray={dasharray}
        strokeOpacity={opacity}
        // A soft (schematic) line: an SVG blur as an attribute, not a style (CSP-safe in the prerendered page).
        filter={blurPx ? `url(#${blurId})` : undefined}
      />
      {blurPx ? (
        <filter id={blurId} filterUnits="userSpaceOnUse" x="0" y="0" width="34" height="12">
          <feGaussianBlur stdDeviation={blurPx / 2} />
        </filter>
      ) : null}
    </svg>
  );
}
