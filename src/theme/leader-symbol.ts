/**
 * The leader of a moved symbol (src/map/symbol-fan.ts): a dot on the project's true place and a
 * thin line from it to the symbol, ending under the symbol's rim. For symbols of a stack (several
 * on one place, drawn on a ring around a hub) the line goes to the hub and a spoke from the hub
 * to each symbol, so a moved stack reads as one tail and its spokes. Drawn as horizontal images
 * (the map turns them, `icon-rotate`) and as SVG for the poster, with the same numbers. Sizes are
 * icon px: the map scales them with the symbols' icon-size.
 */
import { BASE_COLORS } from './palette';

export const LEADER_STYLE = {
  color: BASE_COLORS.cityBorder,
  halo: '#ffffff',
  /** Line width and its white halo's (icon px). */
  widthPx: 1.2,
  haloWidthPx: 2.8,
  /** The dot on the true place: radius and white ring (icon px). */
  dotRadiusPx: 2.6,
  dotRingPx: 1,
  /** The line stops this far short of the symbol's centre (under its rim). */
  endInsetPx: 9,
} as const;

/** Room left of the dot's centre in the image (the dot and its ring). */
export const LEADER_LEFT_PX = LEADER_STYLE.dotRadiusPx + LEADER_STYLE.dotRingPx;
/** The images' height (whole px: MapLibre centres an image on its anchor by its pixel size). */
const LEADER_HEIGHT_PX = 2 * Math.ceil(LEADER_LEFT_PX);

/** Room left of a spoke's start in its image (its round cap). */
export const SPOKE_LEFT_PX = LEADER_STYLE.haloWidthPx / 2;

type Vec = readonly [number, number];

/** A straight piece of a leader: whole icon px long, at an angle (degrees, clockwise from east). */
export interface LeaderPiece {
  lengthPx: number;
  angleDeg: number;
}

export interface LeaderParts {
  /** From the place (with the dot) to the hub, or to a lone symbol (ending under its rim). */
  tail: LeaderPiece;
  /** For a symbol of a stack: from the hub to the symbol, ending under its rim. */
  spoke: LeaderPiece | null;
}

const piece = ([x, y]: Vec, inset: number): LeaderPiece => ({
  lengthPx: Math.max(0, Math.round(Math.hypot(x, y) - inset)),
  angleDeg: x === 0 && y === 0 ? 0 : Math.round(((Math.atan2(y, x) * 180) / Math.PI) * 10) / 10,
});

/**
 * The leader of a symbol moved by `offset` whose stack's hub is at `hub` (both icon px from the
 * place; a lone symbol's hub is its offset), or null when the symbol is not moved.
 */
export function leaderParts(offset: Vec, hub: Vec): LeaderParts | null {
  if (offset[0] === 0 && offset[1] === 0) return null;
  const lone = offset[0] === hub[0] && offset[1] === hub[1];
  if (lone) return { tail: piece(offset, LEADER_STYLE.endInsetPx), spoke: null };
  return { tail: piece(hub, 0), spoke: piece([offset[0] - hub[0], offset[1] - hub[1]], LEADER_STYLE.endInsetPx) };
}

/** The map image ids: `leader-<length>` (dot and line) and `spoke-<length>` (line). */
export function leaderImageId(lengthPx: number): string {
  return `leader-${lengthPx}`;
}
export function spokeImageId(lengthPx: number): string {
  return `spoke-${lengthPx}`;
}

/** What a leader image id asks for, or null if `id` is not one. */
export function leaderImageOf(id: string): { kind: 'leader' | 'spoke'; lengthPx: number } | null {
  const m = /^(leader|spoke)-(\d{1,4})$/.exec(id);
  return m ? { kind: m[1] as 'leader' | 'spoke', lengthPx: Number(m[2]) } : null;
}

/**
 * The image's size (whole icon px): a leader's dot centre is at (LEADER_LEFT_PX, height / 2), a
 * spoke starts at (SPOKE_LEFT_PX, height / 2).
 */
export function leaderImageSize(kind: 'leader' | 'spoke', lengthPx: number): { width: number; height: number } {
  const left = kind === 'leader' ? LEADER_LEFT_PX : SPOKE_LEFT_PX;
  return { width: Math.ceil(left + lengthPx + LEADER_STYLE.haloWidthPx / 2), height: LEADER_HEIGHT_PX };
}

/** Paints a leader or spoke of `lengthPx`, pointing right, into `ctx` (icon px; scale the context for the pixel ratio). */
export function drawLeader(ctx: CanvasRenderingContext2D, kind: 'leader' | 'spoke', lengthPx: number): void {
  const y = LEADER_HEIGHT_PX / 2;
  const x0 = kind === 'leader' ? LEADER_LEFT_PX : SPOKE_LEFT_PX;
  ctx.lineCap = 'round';
  if (lengthPx > 0) {
    ctx.beginPath();
    ctx.moveTo(x0, y);
    ctx.lineTo(x0 + lengthPx, y);
    ctx.strokeStyle = LEADER_STYLE.halo;
    ctx.lineWidth = LEADER_STYLE.haloWidthPx;
    ctx.stroke();
    ctx.strokeStyle = LEADER_STYLE.color;
    ctx.lineWidth = LEADER_STYLE.widthPx;
    ctx.stroke();
  }
  if (kind === 'spoke') return;
  ctx.beginPath();
  ctx.arc(x0, y, LEADER_STYLE.dotRadiusPx, 0, 2 * Math.PI);
  ctx.fillStyle = LEADER_STYLE.color;
  ctx.fill();
  ctx.strokeStyle = LEADER_STYLE.halo;
  ctx.lineWidth = LEADER_STYLE.dotRingPx;
  ctx.stroke();
}

const n = (v: number) => String(Math.round(v * 10) / 10);

const line = (x: number, y: number, p: LeaderPiece, scale: number): string => {
  if (p.lengthPx === 0) return '';
  const a = (p.angleDeg * Math.PI) / 180;
  const d = `M${n(x)} ${n(y)}L${n(x + Math.cos(a) * p.lengthPx * scale)} ${n(y + Math.sin(a) * p.lengthPx * scale)}`;
  return (
    `<path d="${d}" stroke="${LEADER_STYLE.halo}" stroke-width="${n(LEADER_STYLE.haloWidthPx * scale)}" stroke-linecap="round"/>` +
    `<path d="${d}" stroke="${LEADER_STYLE.color}" stroke-width="${n(LEADER_STYLE.widthPx * scale)}" stroke-linecap="round"/>`
  );
};

/**
 * The same leader as SVG markup for the place at (x, y) in the caller's units, `scale` = units
 * per icon px (the poster's symbol scale): the tail and its dot, or, with `part: 'spoke'`, the
 * spoke from the hub.
 */
export function leaderSvg(x: number, y: number, parts: LeaderParts, hub: Vec, scale: number, part: 'tail' | 'spoke'): string {
  if (part === 'spoke') return parts.spoke ? line(x + hub[0] * scale, y + hub[1] * scale, parts.spoke, scale) : '';
  const dot = `<circle cx="${n(x)}" cy="${n(y)}" r="${n(LEADER_STYLE.dotRadiusPx * scale)}" fill="${LEADER_STYLE.color}" stroke="${LEADER_STYLE.halo}" stroke-width="${n(LEADER_STYLE.dotRingPx * scale)}"/>`;
  return line(x, y, parts.tail, scale) + dot;
}
