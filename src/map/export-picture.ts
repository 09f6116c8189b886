/**
 * Picture export (issue 6 §4): a PNG of the map as it is on screen, at 1× or 2× its CSS size,
 * with the title, the as-of date, a legend (drawn with `drawCategorySymbol` and the palette, so
 * it matches the map), the sources and the map attribution drawn in — for print and for
 * platforms that do not allow iframes.
 *
 * The map canvas keeps its drawing buffer (`preserveDrawingBuffer`), so after one rendered frame
 * at the wanted pixel ratio it can be copied with `drawImage`. The picture has exactly the map's
 * size × scale; the title, legend and footer are drawn over the map, on light panels.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { Category, Status } from '../domain/types';
import { drawCategorySymbol } from '../theme/category-symbol';
import { BASE_ATTRIBUTION } from './base-style';
import { currentMap } from './map-handle';

export type PictureScale = 1 | 2;

export type PictureLegendEntry =
  | { kind: 'symbol'; category: Category; status: Status | null; label: string }
  | { kind: 'line'; color: string; dash: number[]; widthPx: number; label: string }
  | { kind: 'area'; fill: string; stroke: string; label: string };

export interface PictureLegendSection {
  heading: string;
  entries: PictureLegendEntry[];
}

/** What to draw besides the map; every string already in the reader's language. */
export interface PictureSpec {
  scale: PictureScale;
  title: string;
  /** e.g. "截至 2024年9月29日". */
  dateLabel: string;
  /** An optional third line under the date (e.g. "Filtered: 12 projects shown"). */
  note: string | null;
  legend: PictureLegendSection[];
  sources: string;
  fileName: string;
}

export interface PictureResult {
  fileName: string;
  widthPx: number;
  heightPx: number;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
const INK = '#1d2327';
const INK_SOFT = '#4a545c';
const PANEL = 'rgba(255, 255, 255, 0.92)';
const LINE = '#c9cfd4';
const MARGIN = 8;
const PAD = 8;
const ROW = 17;
const SWATCH = 13;

/**
 * `cdmz-atlas-<date>[@2x].png`, the date being the as-of date (or `latest`).
 * @example pictureFileName('2024-09-29', 2) // "cdmz-atlas-2024-09-29@2x.png"
 */
export function pictureFileName(asOfDate: string | null, scale: PictureScale): string {
  const date = asOfDate && /^\d{4}-\d{2}-\d{2}$/.test(asOfDate) ? asOfDate : 'latest';
  return `cdmz-atlas-${date}${scale === 2 ? '@2x' : ''}.png`;
}

/** Plain text of an attribution string that may hold links. */
export function attributionText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/g, '©')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits text into lines no wider than `maxWidth` (measured by `measure`). Latin words stay
 * whole; CJK text may break between any two characters.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line.trim() !== '' && measure(candidate.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? '' : token;
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** The map's attribution as plain text: every source's attribution, then the built-in one. */
function mapAttribution(map: MlMap): string {
  const parts = new Set<string>();
  for (const source of Object.values(map.getStyle()?.sources ?? {})) {
    const a = 'attribution' in source && typeof source.attribution === 'string' ? attributionText(source.attribution) : '';
    if (a) parts.add(a);
  }
  if (parts.size === 0) parts.add(attributionText(BASE_ATTRIBUTION));
  return [...parts].join(' · ');
}

/** Resolves after the map has drawn a complete frame (all tiles loaded, nothing moving). */
function nextIdle(map: MlMap, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => {
      map.off('idle', done);
      reject(new Error(`the map did not finish drawing within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    function done() {
      window.clearTimeout(timer);
      resolve();
    }
    map.once('idle', done);
    map.triggerRepaint();
  });
}

function drawPanel(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): void {
  ctx.save();
  ctx.fillStyle = PANEL;
  ctx.strokeStyle = LINE;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(x + 0.5, y + 0.5, w - 1, h - 1, 6);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

function drawSwatch(ctx: CanvasRenderingContext2D, entry: PictureLegendEntry, x: number, y: number): number {
  if (entry.kind === 'symbol') {
    ctx.save();
    ctx.translate(x, y);
    // drawCategorySymbol clears its square first: draw on a scratch canvas so the panel stays.
    const scratch = document.createElement('canvas');
    const ratio = ctx.getTransform().a || 1;
    scratch.width = Math.ceil(SWATCH * ratio);
    scratch.height = Math.ceil(SWATCH * ratio);
    const sctx = scratch.getContext('2d');
    if (sctx) {
      sctx.scale(ratio, ratio);
      drawCategorySymbol(sctx, entry.category, entry.status, SWATCH);
      ctx.drawImage(scratch, 0, 0, SWATCH, SWATCH);
    }
    ctx.restore();
    return SWATCH;
  }
  const w = 26;
  ctx.save();
  if (entry.kind === 'line') {
    ctx.strokeStyle = entry.color;
    ctx.lineWidth = entry.widthPx;
    ctx.setLineDash(entry.dash.map((d) => d * entry.widthPx));
    ctx.beginPath();
    ctx.moveTo(x + 1, y + SWATCH / 2);
    ctx.lineTo(x + w - 1, y + SWATCH / 2);
    ctx.stroke();
  } else {
    ctx.fillStyle = entry.fill;
    ctx.globalAlpha = 0.35;
    ctx.fillRect(x + 1, y + 2, w - 2, SWATCH - 4);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = entry.stroke;
    ctx.setLineDash([3, 3]);
    ctx.strokeRect(x + 1.5, y + 2.5, w - 3, SWATCH - 5);
  }
  ctx.restore();
  return w;
}

type LegendRow = { heading: string } | { entry: PictureLegendEntry };

/**
 * Draws the legend inside the box (x, y, maxW, maxH), flowing into as many columns as the
 * height needs. Returns the size used.
 */
function drawLegend(ctx: CanvasRenderingContext2D, sections: PictureLegendSection[], x: number, y: number, maxW: number, maxH: number, draw: boolean): { w: number; h: number } {
  const rows: LegendRow[] = sections.flatMap((s) => [{ heading: s.heading } as LegendRow, ...s.entries.map((entry) => ({ entry }))]);
  const perColumn = Math.max(3, Math.floor((maxH - 2 * PAD) / ROW));
  const columns: LegendRow[][] = [];
  for (let i = 0; i < rows.length; i += perColumn) columns.push(rows.slice(i, i + perColumn));
  const widths = columns.map((col) =>
    Math.max(
      ...col.map((r) => {
        if ('heading' in r) {
          ctx.font = `600 11px ${FONT}`;
          return ctx.measureText(r.heading).width;
        }
        ctx.font = `11px ${FONT}`;
        return (r.entry.kind === 'symbol' ? SWATCH : 26) + 6 + ctx.measureText(r.entry.label).width;
      }),
    ),
  );
  const colGap = 12;
  const w = Math.min(maxW, widths.reduce((a, b) => a + b, 0) + colGap * (columns.length - 1) + 2 * PAD);
  const h = Math.max(...columns.map((c) => c.length)) * ROW + 2 * PAD - 2;
  if (!draw) return { w, h };
  drawPanel(ctx, x, y, w, h);
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.textBaseline = 'middle';
  let cx = x + PAD;
  columns.forEach((col, ci) => {
    col.forEach((r, ri) => {
      const ry = y + PAD + ri * ROW;
      if ('heading' in r) {
        ctx.font = `600 11px ${FONT}`;
        ctx.fillStyle = INK_SOFT;
        ctx.fillText(r.heading, cx, ry + SWATCH / 2);
      } else {
        const used = drawSwatch(ctx, r.entry, cx, ry);
        ctx.font = `11px ${FONT}`;
        ctx.fillStyle = INK;
        ctx.fillText(r.entry.label, cx + used + 6, ry + SWATCH / 2);
      }
    });
    cx += (widths[ci] ?? 0) + colGap;
  });
  ctx.restore();
  return { w, h };
}

/**
 * Composes the picture from the map's current canvas (which must already be at `spec.scale`
 * pixels per CSS pixel, or it is resampled). `widthCss`×`heightCss` is the map's CSS size.
 */
export function composePicture(mapCanvas: CanvasImageSource, widthCss: number, heightCss: number, spec: PictureSpec, attribution: string): HTMLCanvasElement {
  const s = spec.scale;
  const out = document.createElement('canvas');
  out.width = Math.round(widthCss * s);
  out.height = Math.round(heightCss * s);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('the browser gave no 2D canvas for the picture');
  ctx.fillStyle = '#dfe3e6';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(mapCanvas, 0, 0, out.width, out.height);
  ctx.scale(s, s);
  const W = widthCss;
  const H = heightCss;
  const measure = (font: string) => (t: string) => {
    ctx.font = font;
    return ctx.measureText(t).width;
  };

  // Footer: sources and attribution, full width.
  const footFont = `10px ${FONT}`;
  const footLines = [
    ...wrapText(spec.sources, W - 2 * PAD, measure(footFont)),
    ...wrapText(attribution, W - 2 * PAD, measure(footFont)),
  ];
  const footH = footLines.length * 13 + 2 * 5;
  ctx.fillStyle = PANEL;
  ctx.fillRect(0, H - footH, W, footH);
  ctx.fillStyle = INK_SOFT;
  ctx.font = footFont;
  ctx.textBaseline = 'top';
  footLines.forEach((line, i) => ctx.fillText(line, PAD, H - footH + 5 + i * 13));

  // Title block, top left.
  const titleFont = `700 16px ${FONT}`;
  const dateFont = `13px ${FONT}`;
  const noteFont = `11px ${FONT}`;
  const narrow = W < 560;
  const titleMaxW = narrow ? W - 2 * MARGIN - 2 * PAD : Math.min(360, W * 0.45);
  const titleLines = wrapText(spec.title, titleMaxW, measure(titleFont));
  const dateLines = wrapText(spec.dateLabel, titleMaxW, measure(dateFont));
  const noteLines = spec.note ? wrapText(spec.note, titleMaxW, measure(noteFont)) : [];
  const textW = Math.max(
    ...titleLines.map(measure(titleFont)),
    ...dateLines.map(measure(dateFont)),
    ...noteLines.map(measure(noteFont)),
  );
  const titleH = titleLines.length * 20 + dateLines.length * 17 + noteLines.length * 15 + 2 * PAD;
  drawPanel(ctx, MARGIN, MARGIN, textW + 2 * PAD, titleH);
  let ty = MARGIN + PAD;
  ctx.textBaseline = 'top';
  ctx.fillStyle = INK;
  ctx.font = titleFont;
  for (const line of titleLines) {
    ctx.fillText(line, MARGIN + PAD, ty);
    ty += 20;
  }
  ctx.font = dateFont;
  for (const line of dateLines) {
    ctx.fillText(line, MARGIN + PAD, ty);
    ty += 17;
  }
  ctx.fillStyle = INK_SOFT;
  ctx.font = noteFont;
  for (const line of noteLines) {
    ctx.fillText(line, MARGIN + PAD, ty);
    ty += 15;
  }

  // Legend: top right on wide maps, under the title on narrow ones.
  const legendTop = narrow ? MARGIN + titleH + MARGIN : MARGIN;
  const legendMaxH = H - footH - MARGIN - legendTop;
  const legendMaxW = narrow ? W - 2 * MARGIN : W * 0.5 - MARGIN;
  if (legendMaxH > 3 * ROW && spec.legend.length) {
    const size = drawLegend(ctx, spec.legend, 0, 0, legendMaxW, legendMaxH, false);
    const lx = narrow ? MARGIN : W - MARGIN - size.w;
    drawLegend(ctx, spec.legend, lx, legendTop, legendMaxW, legendMaxH, true);
  }
  return out;
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
  });
}

/**
 * Renders the live map at `spec.scale`, composes the picture and returns it as a PNG blob.
 * The map's pixel ratio is restored afterwards. Throws (with a reason to show) when there is no
 * map (no WebGL, not loaded yet) or the browser refuses.
 */
export async function renderMapPicture(spec: PictureSpec, map: MlMap | null = currentMap()): Promise<{ blob: Blob } & PictureResult> {
  if (!map) throw new Error('the map is not available');
  const container = map.getContainer();
  const widthCss = container.clientWidth;
  const heightCss = container.clientHeight;
  if (widthCss === 0 || heightCss === 0) throw new Error('the map has no size on screen');
  const original = map.getPixelRatio();
  try {
    if (original !== spec.scale) map.setPixelRatio(spec.scale);
    await nextIdle(map);
    const canvas = composePicture(map.getCanvas(), widthCss, heightCss, spec, mapAttribution(map));
    const blob = await canvasToPng(canvas);
    return { blob, fileName: spec.fileName, widthPx: canvas.width, heightPx: canvas.height };
  } finally {
    if (map.getPixelRatio() !== original) {
      map.setPixelRatio(original);
      map.triggerRepaint();
    }
  }
}

/** Renders the picture and hands it to the browser as a download named `spec.fileName`. */
export async function downloadMapPicture(spec: PictureSpec): Promise<PictureResult> {
  const { blob, ...result } = await renderMapPicture(spec);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = result.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: the download reads the blob after this task ends.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return result;
}
