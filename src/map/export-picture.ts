/**
 * Picture export (issue 6 §4, issue 13 §7): a PNG of the map as it is on screen, at 1× or 2× its
 * CSS size, that reads on its own: the title, the as-of date, the selected project, the active
 * filters in words, a legend of what is on the map (symbols and line dashes drawn with the same
 * functions and palette as the map) and ONE sources line (it is the map's attribution too).
 *
 * Layout (`layoutPicture`, pure): the title block and the legend sit over the map's top corners
 * only while together they cover at most a quarter of it (MAX_COVER); otherwise they go beside
 * the map or below it, whichever makes the smaller picture. The sources line is always under the map. So the picture is the
 * map's size × scale, plus the side or bottom panel and the sources band.
 *
 * The map canvas keeps its drawing buffer (`preserveDrawingBuffer`), so after one rendered frame
 * at the wanted pixel ratio it can be copied with `drawImage`. The map's owner draws that frame
 * and restores the map (map-handle.ts `drawMapAtScale`); this module only reads the map.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { Category, Status } from '../domain/types';
import { drawCategorySymbol } from '../theme/category-symbol';
import { drawLeader, LEADER_LEFT_PX, leaderImageSize } from '../theme/leader-symbol';
import type { SymbolShape } from '../theme/palette';
import { currentMap, drawMapAtScale } from './map-handle';

export type PictureScale = 1 | 2;

export type PictureLegendEntry =
  | {
      kind: 'symbol';
      category: Category;
      status: Status | null;
      label: string;
      /** A neutral look (the status key). */
      look?: { color: string; shape: SymbolShape };
      /** A line sample drawn after the symbol (the status key's dash), in line widths. */
      dash?: number[];
      opacity?: number;
    }
  | { kind: 'line'; color: string; dash: number[]; widthPx: number; blurPx?: number; opacity?: number; label: string }
  | { kind: 'area'; fill: string; stroke: string; label: string }
  /** The leader of a symbol moved aside (src/theme/leader-symbol.ts): dot, line, symbol rim. */
  | { kind: 'leader'; label: string };

export interface PictureLegendSection {
  /** null: entries without a heading. */
  heading: string | null;
  entries: PictureLegendEntry[];
}

/** What to draw besides the map; every string already in the reader's language. */
export interface PictureSpec {
  scale: PictureScale;
  title: string;
  /** e.g. "截至 2024年9月29日". */
  dateLabel: string;
  /** The selected project, e.g. "Selected: Ziyang Line (Under construction)"; null when none. */
  selected: string | null;
  /** The active filters in words, e.g. "Filtered: Category: rail · Status: complete (9 projects shown)"; null when none. */
  filters: string | null;
  legend: PictureLegendSection[];
  /** The one sources line (also the map's attribution). */
  sources: string;
  fileName: string;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where everything goes, in CSS px of the picture (× scale for device pixels). */
export interface PictureLayout {
  mode: 'overlay' | 'beside' | 'below';
  width: number;
  height: number;
  map: Rect;
  title: Rect;
  legend: Rect | null;
  legendColumns: number;
  footer: Rect;
  /** Share of the map's area that the title block and the legend cover (0 unless overlaid). */
  mapCovered: number;
  /** Share of the whole picture's area that the title block and the legend cover or take. */
  pictureShare: number;
  /** The title block's text as drawn, line by line. */
  lines: TitleLines;
  /** The legend's entries, by kind, in order (what the picture keys). */
  legendKinds: PictureLegendEntry['kind'][];
}

export interface PictureResult {
  fileName: string;
  widthPx: number;
  heightPx: number;
  layout: PictureLayout;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
const INK = '#1d2327';
const INK_SOFT = '#4a545c';
const PANEL = 'rgba(255, 255, 255, 0.93)';
const PAPER = '#ffffff';
const LINE = '#c9cfd4';
const MARGIN = 8;
const PAD = 8;
const ROW = 17;
const SWATCH = 13;
const LINE_SAMPLE = 26;
const COL_GAP = 12;
/** The title block and the legend may cover at most this share of the map. */
export const MAX_COVER = 0.25;

const FONTS = {
  title: `700 16px ${FONT}`,
  date: `13px ${FONT}`,
  selected: `600 12px ${FONT}`,
  filters: `11px ${FONT}`,
  heading: `600 11px ${FONT}`,
  entry: `11px ${FONT}`,
  footer: `10px ${FONT}`,
};
const LINE_H = { title: 20, date: 17, selected: 16, filters: 15, footer: 13 };

/** Text width in CSS px for a font. */
export type Measure = (font: string, text: string) => number;

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
  // A CJK character keeps the closing punctuation after it (no line starts with "）" or "，").
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f][）」』》〉】，。、：；！？]*|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+[）」』》〉】，。、：；！？]*|\s+/g) ?? [];
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

/**
 * Attributions the map's sources carry themselves (an online basemap's, for instance). The
 * built-in data's sources carry none: theirs is the sources line.
 */
function extraAttribution(map: MlMap): string[] {
  const parts = new Set<string>();
  for (const source of Object.values(map.getStyle()?.sources ?? {})) {
    const a = 'attribution' in source && typeof source.attribution === 'string' ? attributionText(source.attribution) : '';
    if (a) parts.add(a);
  }
  return [...parts];
}

type LegendRow = { heading: string } | { entry: PictureLegendEntry };

function legendRows(sections: PictureLegendSection[]): LegendRow[] {
  return sections.flatMap((s) => [...(s.heading ? [{ heading: s.heading } as LegendRow] : []), ...s.entries.map((entry) => ({ entry }))]);
}

function swatchWidth(entry: PictureLegendEntry): number {
  if (entry.kind === 'symbol') return SWATCH + (entry.dash ? 4 + LINE_SAMPLE : 0);
  return LINE_SAMPLE;
}

function rowWidth(row: LegendRow, measure: Measure): number {
  if ('heading' in row) return measure(FONTS.heading, row.heading);
  return swatchWidth(row.entry) + 6 + measure(FONTS.entry, row.entry.label);
}

/** The legend laid out in `columns` columns (rows flow top to bottom, then left to right). */
function legendBox(rows: LegendRow[], columns: number, measure: Measure): { w: number; h: number; perColumn: number; widths: number[] } {
  const perColumn = Math.max(1, Math.ceil(rows.length / columns));
  const widths: number[] = [];
  for (let i = 0; i < rows.length; i += perColumn) widths.push(Math.max(...rows.slice(i, i + perColumn).map((r) => rowWidth(r, measure))));
  const w = widths.reduce((a, b) => a + b, 0) + COL_GAP * (widths.length - 1) + 2 * PAD;
  const h = Math.min(perColumn, rows.length) * ROW + 2 * PAD - 2;
  return { w, h, perColumn, widths };
}

/** The fewest columns that fit the legend in `maxH`, if they fit in `maxW`; else the most that fit in `maxW`. */
function fitLegend(rows: LegendRow[], maxW: number, maxH: number, measure: Measure) {
  if (rows.length === 0) return null;
  let best = legendBox(rows, 1, measure);
  for (let c = 1; c <= rows.length; c++) {
    const box = legendBox(rows, c, measure);
    if (box.w > maxW) break;
    best = box;
    if (box.h <= maxH) break;
  }
  return best;
}

export interface TitleLines {
  title: string[];
  date: string[];
  selected: string[];
  filters: string[];
}

function titleBlock(spec: PictureSpec, maxW: number, measure: Measure): { lines: TitleLines; w: number; h: number } {
  const wrap = (font: string, text: string | null) => (text ? wrapText(text, maxW, (t) => measure(font, t)) : []);
  const lines: TitleLines = {
    title: wrap(FONTS.title, spec.title),
    date: wrap(FONTS.date, spec.dateLabel),
    selected: wrap(FONTS.selected, spec.selected),
    filters: wrap(FONTS.filters, spec.filters),
  };
  const widths = [
    ...lines.title.map((t) => measure(FONTS.title, t)),
    ...lines.date.map((t) => measure(FONTS.date, t)),
    ...lines.selected.map((t) => measure(FONTS.selected, t)),
    ...lines.filters.map((t) => measure(FONTS.filters, t)),
  ];
  const w = Math.max(0, ...widths) + 2 * PAD;
  const h = lines.title.length * LINE_H.title + lines.date.length * LINE_H.date + lines.selected.length * LINE_H.selected + lines.filters.length * LINE_H.filters + 2 * PAD;
  return { lines, w, h };
}

const area = (r: Rect | null) => (r ? r.w * r.h : 0);

/**
 * Places the title block, the legend and the sources line for a map of `mapW`×`mapH` CSS px.
 * Pure (text is measured through `measure`), so it is unit-tested and the e2e tests read it.
 */
export function layoutPicture(mapW: number, mapH: number, spec: PictureSpec, measure: Measure, extraSources: string[] = []): PictureLayout & { footerLines: string[]; legendPerColumn: number; legendWidths: number[] } {
  const rows = legendRows(spec.legend);
  const sources = [spec.sources, ...extraSources].join(' · ');

  // 1. Over the map: title top left, legend top right, when they cover at most MAX_COVER of it.
  const titleMaxW = Math.min(360, mapW * 0.45) - 2 * PAD;
  const overlayTitle = titleBlock(spec, Math.max(120, titleMaxW), measure);
  const legendMaxW = mapW - overlayTitle.w - 3 * MARGIN;
  const overlayLegend = legendMaxW > 80 ? fitLegend(rows, legendMaxW, mapH - 2 * MARGIN, measure) : null;
  const overlayFits =
    overlayTitle.h <= mapH - 2 * MARGIN &&
    (rows.length === 0 || (overlayLegend !== null && overlayLegend.w <= legendMaxW && overlayLegend.h <= mapH - 2 * MARGIN));
  const covered = area({ x: 0, y: 0, w: overlayTitle.w, h: overlayTitle.h }) + (overlayLegend ? overlayLegend.w * overlayLegend.h : 0);
  let mode: PictureLayout['mode'];
  let width: number;
  let bodyH: number;
  let titleRect: Rect;
  let legendRect: Rect | null = null;
  let titleLines = overlayTitle.lines;
  let legend = overlayLegend;
  if (overlayFits && covered <= MAX_COVER * mapW * mapH) {
    mode = 'overlay';
    width = mapW;
    bodyH = mapH;
    titleRect = { x: MARGIN, y: MARGIN, w: overlayTitle.w, h: overlayTitle.h };
    if (overlayLegend) legendRect = { x: mapW - MARGIN - overlayLegend.w, y: MARGIN, w: overlayLegend.w, h: overlayLegend.h };
  } else {
    // 2. Beside the map (a side panel: title block, then the legend in columns as tall as the
    //    map) or 3. below it (title block, then the legend in as many columns as the width
    //    takes): whichever makes the smaller picture.
    const sideMaxW = Math.max(220, Math.min(480, mapW * 0.6));
    const bt = titleBlock(spec, sideMaxW - 2 * PAD, measure);
    const bl = fitLegend(rows, sideMaxW, mapH - bt.h - 3 * MARGIN, measure);
    const sideW = Math.max(bt.w, bl?.w ?? 0);
    const beside = { width: mapW + sideW + 2 * MARGIN, bodyH: Math.max(mapH, bt.h + (bl ? bl.h + MARGIN : 0) + 2 * MARGIN) };
    const wt = titleBlock(spec, mapW - 2 * MARGIN - 2 * PAD, measure);
    const wl = fitLegend(rows, mapW - 2 * MARGIN, 0, measure);
    // A legend row longer than a very narrow map widens the picture rather than being cut.
    const belowW = Math.max(mapW, wt.w + 2 * MARGIN, (wl?.w ?? 0) + 2 * MARGIN);
    // Room for both side by side under the map: the title block left, the legend right of it.
    const sideBySide = wl !== null && wt.w + wl.w + 3 * MARGIN <= belowW;
    const below = { width: belowW, bodyH: mapH + MARGIN + (sideBySide ? Math.max(wt.h, wl?.h ?? 0) : wt.h + (wl ? MARGIN + wl.h : 0)) + MARGIN };
    if (beside.width * beside.bodyH < below.width * below.bodyH) {
      mode = 'beside';
      width = beside.width;
      bodyH = beside.bodyH;
      titleRect = { x: mapW + MARGIN, y: MARGIN, w: bt.w, h: bt.h };
      if (bl) legendRect = { x: mapW + MARGIN, y: MARGIN + bt.h + MARGIN, w: bl.w, h: bl.h };
      titleLines = bt.lines;
      legend = bl;
    } else {
      mode = 'below';
      width = below.width;
      titleRect = { x: MARGIN, y: mapH + MARGIN, w: wt.w, h: wt.h };
      titleLines = wt.lines;
      legend = wl;
      bodyH = below.bodyH;
      if (wl && sideBySide) legendRect = { x: width - MARGIN - wl.w, y: mapH + MARGIN, w: wl.w, h: wl.h };
      else if (wl) legendRect = { x: MARGIN, y: mapH + MARGIN + wt.h + MARGIN, w: wl.w, h: wl.h };
    }
  }
  const footerLines = wrapText(sources, width - 2 * PAD, (t) => measure(FONTS.footer, t));
  const footer: Rect = { x: 0, y: bodyH, w: width, h: footerLines.length * LINE_H.footer + 10 };
  const height = bodyH + footer.h;
  const map: Rect = { x: 0, y: 0, w: mapW, h: mapH };
  const over = (r: Rect | null) => {
    if (!r) return 0;
    const w = Math.max(0, Math.min(r.x + r.w, map.w) - Math.max(r.x, 0));
    const h = Math.max(0, Math.min(r.y + r.h, map.h) - Math.max(r.y, 0));
    return w * h;
  };
  return {
    mode,
    width,
    height,
    map,
    title: titleRect,
    legend: legendRect,
    legendColumns: legend ? legend.widths.length : 0,
    legendPerColumn: legend?.perColumn ?? 0,
    legendWidths: legend?.widths ?? [],
    footer,
    mapCovered: (over(titleRect) + over(legendRect)) / (mapW * mapH),
    pictureShare: (area(titleRect) + area(legendRect)) / (width * height),
    lines: titleLines,
    footerLines,
    legendKinds: spec.legend.flatMap((section) => section.entries.map((e) => e.kind)),
  };
}

function drawPanel(ctx: CanvasRenderingContext2D, r: Rect): void {
  ctx.save();
  ctx.fillStyle = PANEL;
  ctx.strokeStyle = LINE;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1, 6);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

function drawLineSample(ctx: CanvasRenderingContext2D, x: number, y: number, color: string, dash: number[], widthPx: number, opacity = 1, blurPx = 0): void {
  ctx.save();
  ctx.globalAlpha = opacity;
  ctx.strokeStyle = color;
  ctx.lineWidth = widthPx;
  if (blurPx) ctx.filter = `blur(${blurPx / 2}px)`;
  // MapLibre's dashes are in line widths.
  ctx.setLineDash(dash.map((d) => d * widthPx));
  ctx.beginPath();
  ctx.moveTo(x + 1, y + SWATCH / 2);
  ctx.lineTo(x + LINE_SAMPLE - 1, y + SWATCH / 2);
  ctx.stroke();
  ctx.restore();
}

function drawSwatch(ctx: CanvasRenderingContext2D, entry: PictureLegendEntry, x: number, y: number): number {
  if (entry.kind === 'symbol') {
    ctx.save();
    ctx.globalAlpha = entry.opacity ?? 1;
    // drawCategorySymbol clears its square first: draw on a scratch canvas so the panel stays.
    const scratch = document.createElement('canvas');
    const ratio = ctx.getTransform().a || 1;
    scratch.width = Math.ceil(SWATCH * ratio);
    scratch.height = Math.ceil(SWATCH * ratio);
    const sctx = scratch.getContext('2d');
    if (sctx) {
      sctx.scale(ratio, ratio);
      drawCategorySymbol(sctx, entry.category, entry.status, SWATCH, entry.look ?? {});
      ctx.drawImage(scratch, x, y, SWATCH, SWATCH);
    }
    ctx.restore();
    if (entry.dash) drawLineSample(ctx, x + SWATCH + 4, y, entry.look?.color ?? INK_SOFT, entry.dash, 3, entry.opacity ?? 1);
    return swatchWidth(entry);
  }
  if (entry.kind === 'line') {
    drawLineSample(ctx, x, y, entry.color, entry.dash, entry.widthPx, entry.opacity ?? 1, entry.blurPx ?? 0);
    return LINE_SAMPLE;
  }
  if (entry.kind === 'leader') {
    // As the map and the on-screen legend draw it (leader-symbol.ts): the dot on the true place,
    // the line, then a symbol's rim where the line ends.
    const cy = y + SWATCH / 2;
    const lengthPx = LINE_SAMPLE - 13;
    ctx.save();
    ctx.translate(x + 4 - LEADER_LEFT_PX, cy - leaderImageSize('leader', lengthPx).height / 2);
    drawLeader(ctx, 'leader', lengthPx);
    ctx.restore();
    ctx.save();
    ctx.beginPath();
    ctx.arc(x + LINE_SAMPLE - 5, cy, 4.5, 0, 2 * Math.PI);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.strokeStyle = INK_SOFT;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.restore();
    return LINE_SAMPLE;
  }
  ctx.save();
  ctx.fillStyle = entry.fill;
  ctx.globalAlpha = 0.35;
  ctx.fillRect(x + 1, y + 2, LINE_SAMPLE - 2, SWATCH - 4);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = entry.stroke;
  ctx.setLineDash([3, 3]);
  ctx.strokeRect(x + 1.5, y + 2.5, LINE_SAMPLE - 3, SWATCH - 5);
  ctx.restore();
  return LINE_SAMPLE;
}

function drawLegend(ctx: CanvasRenderingContext2D, rows: LegendRow[], r: Rect, perColumn: number, widths: number[]): void {
  drawPanel(ctx, r);
  ctx.save();
  ctx.beginPath();
  ctx.rect(r.x, r.y, r.w, r.h);
  ctx.clip();
  ctx.textBaseline = 'middle';
  let cx = r.x + PAD;
  for (let c = 0; c * perColumn < rows.length; c++) {
    rows.slice(c * perColumn, (c + 1) * perColumn).forEach((row, i) => {
      const ry = r.y + PAD + i * ROW;
      if ('heading' in row) {
        ctx.font = FONTS.heading;
        ctx.fillStyle = INK_SOFT;
        ctx.fillText(row.heading, cx, ry + SWATCH / 2);
      } else {
        const used = drawSwatch(ctx, row.entry, cx, ry);
        ctx.font = FONTS.entry;
        ctx.fillStyle = INK;
        ctx.fillText(row.entry.label, cx + used + 6, ry + SWATCH / 2);
      }
    });
    cx += (widths[c] ?? 0) + COL_GAP;
  }
  ctx.restore();
}

/**
 * Composes the picture from the map's current canvas (which must already be at `spec.scale`
 * pixels per CSS pixel, or it is resampled). `widthCss`×`heightCss` is the map's CSS size.
 */
export function composePicture(mapCanvas: CanvasImageSource, widthCss: number, heightCss: number, spec: PictureSpec, extraSources: string[] = []): { canvas: HTMLCanvasElement; layout: PictureLayout } {
  const s = spec.scale;
  const probe = document.createElement('canvas').getContext('2d');
  if (!probe) throw new Error('the browser gave no 2D canvas for the picture');
  const measure: Measure = (font, text) => {
    probe.font = font;
    return probe.measureText(text).width;
  };
  const { footerLines, legendPerColumn, legendWidths, ...layout } = layoutPicture(widthCss, heightCss, spec, measure, extraSources);
  const out = document.createElement('canvas');
  out.width = Math.round(layout.width * s);
  out.height = Math.round(layout.height * s);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('the browser gave no 2D canvas for the picture');
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#dfe3e6';
  ctx.fillRect(0, 0, Math.round(widthCss * s), Math.round(heightCss * s));
  ctx.drawImage(mapCanvas, 0, 0, Math.round(widthCss * s), Math.round(heightCss * s));
  ctx.scale(s, s);

  // The map's edge, where panels sit beside or below it.
  if (layout.mode !== 'overlay') {
    ctx.strokeStyle = LINE;
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, 0.5, widthCss - 1, heightCss - 1);
  }

  // Title block.
  const t = layout.title;
  if (layout.mode === 'overlay') drawPanel(ctx, t);
  let ty = t.y + PAD;
  ctx.textBaseline = 'top';
  const lines = (font: string, color: string, list: string[], lh: number) => {
    ctx.font = font;
    ctx.fillStyle = color;
    for (const line of list) {
      ctx.fillText(line, t.x + PAD, ty);
      ty += lh;
    }
  };
  lines(FONTS.title, INK, layout.lines.title, LINE_H.title);
  lines(FONTS.date, INK, layout.lines.date, LINE_H.date);
  lines(FONTS.selected, INK, layout.lines.selected, LINE_H.selected);
  lines(FONTS.filters, INK_SOFT, layout.lines.filters, LINE_H.filters);

  if (layout.legend) drawLegend(ctx, legendRows(spec.legend), layout.legend, legendPerColumn, legendWidths);

  // The one sources line, under everything.
  const f = layout.footer;
  ctx.fillStyle = '#f4f5f6';
  ctx.fillRect(f.x, f.y, f.w, f.h);
  ctx.fillStyle = INK_SOFT;
  ctx.font = FONTS.footer;
  ctx.textBaseline = 'top';
  footerLines.forEach((line, i) => ctx.fillText(line, PAD, f.y + 5 + i * LINE_H.footer));
  return { canvas: out, layout };
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
  });
}

/**
 * Renders the live map at `spec.scale` (the map's owner does it and restores the map's pixel
 * ratio: map-handle.ts `drawMapAtScale`), composes the picture and returns it as a PNG blob.
 * Throws (with a reason to show) when there is no map (no WebGL, not loaded yet) or the browser
 * refuses.
 */
export async function renderMapPicture(spec: PictureSpec): Promise<{ blob: Blob } & PictureResult> {
  const map = currentMap();
  if (!map) throw new Error('the map is not available');
  const container = map.getContainer();
  const widthCss = container.clientWidth;
  const heightCss = container.clientHeight;
  if (widthCss === 0 || heightCss === 0) throw new Error('the map has no size on screen');
  const extra = extraAttribution(map);
  // Composed while the map is at the picture's scale: composePicture copies its canvas.
  const { canvas, layout } = await drawMapAtScale(spec.scale, (mapCanvas) => composePicture(mapCanvas, widthCss, heightCss, spec, extra));
  const blob = await canvasToPng(canvas);
  return { blob, fileName: spec.fileName, widthPx: canvas.width, heightPx: canvas.height, layout };
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
