/**
 * The camera in the URL's hash (`#zoom/lat/lng`), total: any string either gives a camera the
 * map accepts — zoom clamped to the map's limits, centre inside the region's box — or null (the
 * hash is ignored and the map frames what the view asks for). Pure; the map owner reads it at
 * start and on `hashchange`, and writes the hash itself after the reader moves the map
 * (MapLibre's own `hash` option stays off: it throws on overflowing numbers and takes pitch and
 * bearing, which this map gives the reader no way to undo).
 *
 * Accepted: ASCII decimal numbers only (no exponent, no unicode digits, no `Infinity`), at most
 * `MAX_HASH_CHARS` characters; a 4th and 5th number (MapLibre's bearing and pitch) are accepted
 * and ignored; anything after them makes the hash unreadable.
 */

export interface HashCamera {
  zoom: number;
  /** [lng, lat] */
  center: [number, number];
}

export interface CameraLimits {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north]: the centre is clamped into this box. */
  box: readonly [number, number, number, number];
}

export const MAX_HASH_CHARS = 120;

const NUMBER = /^-?\d{1,4}(?:\.\d{1,12})?$/;

function num(text: string | undefined): number | null {
  if (text === undefined || !NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * @example cameraFromHash('#9/30.6/104.3', limits) // { zoom: 9, center: [104.3, 30.6] }
 * @example cameraFromHash('#8/30.5/1e999', limits) // null
 */
export function cameraFromHash(hash: unknown, limits: CameraLimits): HashCamera | null {
  if (typeof hash !== 'string' || hash.length > MAX_HASH_CHARS) return null;
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const parts = text.split('/');
  if (parts.length < 3 || parts.length > 5) return null;
  const [zoom, lat, lng] = [num(parts[0]), num(parts[1]), num(parts[2])];
  if (zoom === null || lat === null || lng === null) return null;
  // Bearing and pitch: read only to reject garbage in their place; never applied.
  for (const extra of parts.slice(3)) if (num(extra) === null) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || zoom < 0 || zoom > 24) return null;
  const [w, s, e, n] = limits.box;
  return {
    zoom: clamp(zoom, limits.minZoom, limits.maxZoom),
    center: [clamp(lng, w, e), clamp(lat, s, n)],
  };
}

/** The hash the owner writes for a camera (2 decimals of zoom, 4 of degrees: ~10 m). */
export function hashOfCamera(camera: HashCamera): string {
  const r = (x: number, d: number) => String(Number(x.toFixed(d)));
  return `#${r(camera.zoom, 2)}/${r(camera.center[1], 4)}/${r(camera.center[0], 4)}`;
}
