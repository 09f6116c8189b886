/**
 * GPU programs are the main cost of a map's first frames in software WebGL. MapLibre compiles
 * one program per layer type *and* per combination of paint properties that are per-feature
 * (vertex attributes) or per-layer (uniforms): a line layer with a constant colour and one with
 * a data-driven colour are two programs, each compiled and linked on its first draw (50–150 ms
 * each in SwiftShader, measured as `getProgram` in a CPU profile of the first view).
 *
 * `perFeature(v)` writes a constant as a per-feature expression, so it becomes an attribute
 * like its neighbours' data-driven values. The overlay and project layers use it so that all
 * their lines share one program and all fills share the region fill's program (see
 * tests/unit/map/programs.test.ts). The drawn result is identical; the cost is a few bytes per
 * vertex.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

/** A feature property no feature has: `coalesce` always falls through to the value. */
const NEVER = '__cdmz_per_feature';

export function perFeature(value: number | string | number[]): ExpressionSpecification {
  const literal = Array.isArray(value) ? ['literal', value] : value;
  return ['coalesce', ['get', NEVER], literal] as ExpressionSpecification;
}

/**
 * A per-feature line width written as a zoom function with the same value at every zoom, so it
 * is stored like the zoom-dependent widths of the base lines (MapLibre keeps "per feature" and
 * "per feature and zoom" values in different program variants).
 */
export function atEveryZoom(width: ExpressionSpecification | number): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], 0, width, 24, width] as ExpressionSpecification;
}

/** `#rrggbb` + alpha → `rgba(r, g, b, a)` (fills carry their opacity in the colour, see above). */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`withAlpha: expected #rrggbb, got ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h as string, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

export const TRANSPARENT = 'rgba(0, 0, 0, 0)';
