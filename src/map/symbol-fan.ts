/**
 * Where each project symbol is drawn so that no symbol covers another (issue 13 §4). Sites on
 * exactly one place (a "stack") are drawn on a ring around that place (concentric rings for big
 * stacks); stacks and lone symbols that would still overlap are pushed apart, whole, by the
 * smallest moves a relaxation finds. Each moved symbol gets an `icon-offset`; its leader (a dot on
 * the true place, a line to the symbol or to its stack's hub, a spoke from the hub) shows where it
 * really is. Computed once from the data (every located project, whatever its dates): the date
 * and the filters never change it, so they stay feature-state (project-features.ts).
 *
 * Why per integer zoom ("band"): MapLibre evaluates layout properties — `icon-offset` is one — at
 * the zoom of the tile, the integer part of the map's zoom for 512 px GeoJSON tiles. An offset
 * holds for a whole band [z, z+1) while the true places move apart 2× and the symbols grow with
 * `icon-size`. At zoom Z of band z symbol i is drawn at P_i·2^(Z−z) + o_i·s(Z) (P: world pixels
 * at zoom z, o: the offset in icon pixels, which MapLibre multiplies by icon-size s). Divided by
 * s(Z), two symbols differ by Δo + λ·ΔP with λ = 2^(Z−z)/s(Z), increasing in Z (s grows far
 * slower than 2^Z). Over a band a pair therefore moves along ONE straight segment, λ from λ(z) to
 * λ(z+1), and "they never come closer than d in the band" is exactly "the segment stays d away
 * from the origin" (`segmentDistance`): an exact test, no sampling. Symbols are taken as discs of
 * diameter ICON_PX (the drawn shapes fit in that circle).
 *
 * Pure and deterministic: sites are handled in the order of their keys.
 */
import { MAX_ZOOM, MIN_ZOOM } from './zoom-range';
import { mercatorX, mercatorY } from '../geo/web-mercator';

/** Side of a symbol image in CSS px at icon-size 1 (the map's images and the poster's). */
export const ICON_PX = 22;
/** `icon-size` of the project symbols by zoom (linear between stops, constant outside). */
export const ICON_SIZE_STOPS: ReadonlyArray<readonly [zoom: number, size: number]> = [
  [6, 0.65],
  [9, 0.85],
  [11, 1.1],
];
/** Centre distance (icon px) of two symbols of one fan: a symbol and a 1 px gap. */
const SPACING_PX = ICON_PX + 1;
/** Smallest ring radius (icon px), so the true place and the start of each leader stay visible. */
const HUB_PX = 17;
/** Gap (icon px) kept between two fans (or a fan and a symbol). */
const GAP_PX = 1;
/** Groups of more sites than this stay where they are (overlapping) and are reported as crowded. */
export const MAX_GROUP = 150;
/** Relaxation sweeps per group before it is given up as crowded. */
const MAX_SWEEPS = 400;
/**
 * Pair tests one band may spend relaxing (bounds the time on huge synthetic data: ~10 ms here;
 * the real data needs < 1 % of it). Groups still unsettled when it runs out are crowded.
 */
const BAND_BUDGET = 400_000;
/** Offsets are rounded to 1/ROUND icon px, so the feature properties stay short. */
const ROUND = 10;

/** The integer zooms a fan is computed for: band b is zoom MIN_ZOOM + b. */
export const FAN_ZOOMS: readonly number[] = Array.from({ length: MAX_ZOOM - MIN_ZOOM + 1 }, (_, i) => MIN_ZOOM + i);

/** The band (index into FAN_ZOOMS) the map uses at `zoom`: the tile zoom, floor(zoom), clamped. */
export function bandAt(zoom: number): number {
  return Math.min(FAN_ZOOMS.length - 1, Math.max(0, Math.floor(zoom) - MIN_ZOOM));
}

/** The symbols' icon-size at `zoom` (what MapLibre's `interpolate linear` of ICON_SIZE_STOPS gives). */
export function iconSizeAt(zoom: number): number {
  const first = ICON_SIZE_STOPS[0] as readonly [number, number];
  if (zoom <= first[0]) return first[1];
  for (let i = 1; i < ICON_SIZE_STOPS.length; i++) {
    const [z0, s0] = ICON_SIZE_STOPS[i - 1] as readonly [number, number];
    const [z1, s1] = ICON_SIZE_STOPS[i] as readonly [number, number];
    if (zoom <= z1) return s0 + ((s1 - s0) * (zoom - z0)) / (z1 - z0);
  }
  return (ICON_SIZE_STOPS[ICON_SIZE_STOPS.length - 1] as readonly [number, number])[1];
}

/** Web Mercator world pixels (512 px tiles) of a longitude / latitude at `zoom`. */
export function worldPx([lng, lat]: readonly [number, number], zoom: number): [number, number] {
  const k = 512 * 2 ** zoom;
  return [mercatorX(lng) * k, mercatorY(lat) * k];
}

export interface FanSite {
  /** Unique and stable (e.g. `project-id#0`): the order sites are laid out in. */
  key: string;
  lngLat: readonly [number, number];
}

export type Offset = readonly [number, number];

export interface SymbolFan {
  /**
   * `offsets[site][band]`: the symbol's offset in icon px (MapLibre multiplies it by icon-size),
   * [0, 0] where it stays on its place. Sites in input order; band b is zoom FAN_ZOOMS[b].
   */
  offsets: Offset[][];
  /**
   * `hubs[site][band]`: where its stack's centre is drawn, from the site's place (icon px): for a
   * stack on one place, its symbols sit on a ring around it (offset = hub + ring position); a
   * lone symbol's hub is its offset. The leader runs from the place to the hub, a spoke from the
   * hub to each symbol of a stack.
   */
  hubs: Offset[][];
  /** Per band, the sites left on their place although they overlap (a group over MAX_GROUP). */
  crowded: number[][];
}

const ZERO: Offset = [0, 0];

/** The parameter t ∈ [0, 1] of the point of A + t·S nearest to the origin. */
function nearestT(ax: number, ay: number, sx: number, sy: number): number {
  const len2 = sx * sx + sy * sy;
  return len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * sx + ay * sy) / len2));
}

/** The distance from the origin to the segment A→B. */
export function segmentDistance(ax: number, ay: number, bx: number, by: number): number {
  const t = nearestT(ax, ay, bx - ax, by - ay);
  return Math.hypot(ax + t * (bx - ax), ay + t * (by - ay));
}

/**
 * The ring layout of a stack of `n` symbols on one place (icon px from the place): clockwise
 * from the top, one ring up to 10, then concentric rings. Returns the offsets and the radius of
 * the disc they fill (the symbols included).
 */
export function stackRing(n: number): { offsets: Array<[number, number]>; radius: number } {
  if (n < 2) return { offsets: [[0, 0]], radius: ICON_PX / 2 };
  const ringsOf: Array<[radius: number, count: number]> = [];
  if (n <= 10) ringsOf.push([Math.max(HUB_PX, SPACING_PX / (2 * Math.sin(Math.PI / n))), n]);
  else {
    let r = SPACING_PX / (2 * Math.sin(Math.PI / 10));
    for (let left = n, k = 0; left > 0; k++) {
      const m = Math.min(k === 0 ? 10 : Math.floor((2 * Math.PI * r) / SPACING_PX), left);
      ringsOf.push([r, m]);
      left -= m;
      r += SPACING_PX;
    }
  }
  const offsets: Array<[number, number]> = [];
  for (const [r, m] of ringsOf) {
    for (let k = 0; k < m; k++) {
      const t = -Math.PI / 2 + (2 * Math.PI * k) / m;
      offsets.push([r * Math.cos(t), r * Math.sin(t)]);
    }
  }
  return { offsets, radius: (ringsOf[ringsOf.length - 1] as [number, number])[0] + ICON_PX / 2 };
}

/** Sites on exactly one place (a stack), in key order; the stacks in the order of their first key. */
interface Stack {
  sites: number[];
  lngLat: readonly [number, number];
  ring: Array<[number, number]>;
  /** Radius of the disc the stack's symbols fill (icon px). */
  radius: number;
}

/**
 * One band: moves whole stacks apart (as discs: a lone symbol, or a stack's ring) until no two
 * discs come closer than their radii anywhere in the band. `x`, `y`: the stacks' world px at the
 * band's zoom; `l0`, `l1`: λ at the band's start and end. Returns each stack's displacement
 * (icon px, interleaved x, y) and the crowded flags.
 *
 * The relaxation is d3-force's collide idea with the band's motion in it: for a pair, the point
 * of its segment nearest to the origin is pushed out to the sum of the radii, bigger discs moving
 * less. Groups of discs that touch are relaxed together; groups that come to touch merge.
 */
function fanBand(stacks: readonly Stack[], x: Float64Array, y: Float64Array, l0: number, l1: number): { d: Float64Array; crowded: Uint8Array } {
  const n = stacks.length;
  const d = new Float64Array(2 * n);
  const crowded = new Uint8Array(n);
  const radius = Float64Array.from(stacks, (st) => st.radius);
  const size = (k: number) => (stacks[k] as Stack).sites.length;
  const qx = (k: number) => (x[k] as number) * l0;
  const qy = (k: number) => (y[k] as number) * l0;
  // The nearest approach of discs k and l over the band (written to vx, vy) and how far it is
  // beyond the room they need (< 0: they meet). No allocation: this is the hot loop.
  let vx = 0;
  let vy = 0;
  const clearance = (k: number, l: number): number => {
    const dx = (d[2 * k] as number) - (d[2 * l] as number);
    const dy = (d[2 * k + 1] as number) - (d[2 * l + 1] as number);
    const px = (x[k] as number) - (x[l] as number);
    const py = (y[k] as number) - (y[l] as number);
    const ax = dx + l0 * px;
    const ay = dy + l0 * py;
    const sx = (l1 - l0) * px;
    const sy = (l1 - l0) * py;
    // As segmentDistance, keeping the nearest point for the push.
    const t = nearestT(ax, ay, sx, sy);
    vx = ax + t * sx;
    vy = ay + t * sy;
    return Math.sqrt(vx * vx + vy * vy) - ((radius[k] as number) + (radius[l] as number) + GAP_PX);
  };

  // Groups: union-find over discs that meet, found with a grid on the band's start positions.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const members = new Map<number, number[]>();
  const sites = new Map<number, number>();
  const isCrowded = new Set<number>();
  for (let k = 0; k < n; k++) {
    members.set(k, [k]);
    sites.set(k, size(k));
  }
  const unite = (a: number, b: number): number => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return ra;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    (members.get(keep) as number[]).push(...(members.get(drop) as number[]));
    sites.set(keep, (sites.get(keep) as number) + (sites.get(drop) as number));
    if (isCrowded.has(drop) || (sites.get(keep) as number) > MAX_GROUP) isCrowded.add(keep);
    members.delete(drop);
    sites.delete(drop);
    isCrowded.delete(drop);
    return keep;
  };
  /**
   * Joins the groups of discs that meet (at least one of them not crowded), looking from the
   * discs in `from` (all at first; then those that moved, as only they can newly meet another);
   * returns the groups that grew, [] when no discs meet. Scans in disc order: deterministic.
   */
  const joinMeetings = (from: Iterable<number>): number[] => {
    let maxD = 0;
    let maxR = 0;
    for (let k = 0; k < n; k++) {
      maxD = Math.max(maxD, Math.hypot(d[2 * k] as number, d[2 * k + 1] as number));
      maxR = Math.max(maxR, radius[k] as number);
    }
    // Two discs can meet only if their places (at the band's start) are within this.
    const reach = 2 * (maxD + maxR) + GAP_PX + 1;
    const cellOf = (cx: number, cy: number) => cx * 0x200000 + cy;
    const grid = new Map<number, number[]>();
    for (let k = 0; k < n; k++) {
      const key = cellOf(Math.floor(qx(k) / reach), Math.floor(qy(k) / reach));
      const cell = grid.get(key);
      if (cell) cell.push(k);
      else grid.set(key, [k]);
    }
    const grown = new Set<number>();
    for (const k of from) {
      if (isCrowded.has(find(k))) continue;
      const cx = Math.floor(qx(k) / reach);
      const cy = Math.floor(qy(k) / reach);
      scan: for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          for (const l of grid.get(cellOf(cx + ox, cy + oy)) ?? []) {
            if (l === k) continue;
            const gk = find(k);
            const gl = find(l);
            if (gk === gl || (isCrowded.has(gk) && isCrowded.has(gl)) || clearance(k, l) >= 0) continue;
            const g = unite(k, l);
            grown.add(g);
            // A crowded group stays crowded: nothing more to learn about k.
            if (isCrowded.has(g)) break scan;
          }
        }
      }
    }
    return [...grown].filter((g) => members.has(g)).sort((a, b) => a - b);
  };
  let budget = BAND_BUDGET;
  const relax = (group: number[]): boolean => {
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      budget -= (group.length * (group.length - 1)) / 2;
      if (budget < 0) return false;
      let moved = false;
      for (let a = 0; a < group.length; a++) {
        for (let b = a + 1; b < group.length; b++) {
          const k = group[a] as number;
          const l = group[b] as number;
          const gap = clearance(k, l);
          if (gap >= 0) continue;
          moved = true;
          let len = Math.sqrt(vx * vx + vy * vy);
          let ux = vx;
          let uy = vy;
          if (len < 1e-9) {
            // Same place and same offset: part them in a fixed direction.
            const t = (k * 2.399963 + l) % (2 * Math.PI);
            ux = Math.cos(t);
            uy = Math.sin(t);
            len = 1;
          }
          // Push the pair apart along their nearest approach, a little more than needed; the
          // smaller disc moves more.
          const push = (-gap + 0.05) / len;
          const rk = (radius[k] as number) ** 2;
          const rl = (radius[l] as number) ** 2;
          const wk = rl / (rk + rl);
          d[2 * k] = (d[2 * k] as number) + ux * push * wk;
          d[2 * k + 1] = (d[2 * k + 1] as number) + uy * push * wk;
          d[2 * l] = (d[2 * l] as number) - ux * push * (1 - wk);
          d[2 * l + 1] = (d[2 * l + 1] as number) - uy * push * (1 - wk);
        }
      }
      if (!moved) return true;
    }
    return false;
  };
  /** Whether disc k meets no other disc of `group`. */
  const free = (k: number, group: readonly number[]): boolean => {
    budget -= group.length;
    for (const l of group) if (l !== k && clearance(k, l) < 0) return false;
    return true;
  };
  /**
   * Shortens the leaders the relaxation left (it pushes more than needed, in the order it meets
   * pairs): each disc is pulled back towards its place as far as it stays free, and two discs of
   * one size swap places where that makes their leaders shorter together (uncrossing them).
   */
  const tidy = (group: readonly number[]) => {
    const set = (k: number, x: number, y: number) => {
      d[2 * k] = x;
      d[2 * k + 1] = y;
    };
    for (let pass = 0, better = true; better && pass < 8 && budget > 0; pass++) {
      better = false;
      for (const k of group) {
        const x = d[2 * k] as number;
        const y = d[2 * k + 1] as number;
        if (x === 0 && y === 0) continue;
        for (const t of [0, 0.25, 0.5, 0.75, 0.9]) {
          set(k, x * t, y * t);
          if (free(k, group)) {
            better = true;
            break;
          }
          set(k, x, y);
        }
      }
      for (let a = 0; a < group.length; a++) {
        for (let b = a + 1; b < group.length; b++) {
          const k = group[a] as number;
          const l = group[b] as number;
          if (radius[k] !== radius[l]) continue;
          const [kx, ky, lx, ly] = [d[2 * k] as number, d[2 * k + 1] as number, d[2 * l] as number, d[2 * l + 1] as number];
          // Each takes the other's drawn place (at the band's start).
          const nkx = qx(l) + lx - qx(k);
          const nky = qy(l) + ly - qy(k);
          const nlx = qx(k) + kx - qx(l);
          const nly = qy(k) + ky - qy(l);
          if (Math.hypot(nkx, nky) + Math.hypot(nlx, nly) >= Math.hypot(kx, ky) + Math.hypot(lx, ly) - 0.5) continue;
          set(k, nkx, nky);
          set(l, nlx, nly);
          if (free(k, group) && free(l, group)) better = true;
          else {
            set(k, kx, ky);
            set(l, lx, ly);
          }
        }
      }
    }
  };
  const settle = (g: number) => {
    const group = members.get(g) as number[];
    group.sort((a, b) => a - b);
    if (isCrowded.has(g) || !relax(group)) {
      isCrowded.add(g);
      for (const k of group) d[2 * k] = d[2 * k + 1] = 0;
      return;
    }
    tidy(group);
  };

  let from: Iterable<number> = Array.from({ length: n }, (_, k) => k);
  for (;;) {
    const grown = joinMeetings(from);
    if (grown.length === 0) break;
    for (const g of grown) settle(g);
    from = grown.flatMap((g) => members.get(g) ?? []).sort((a, b) => a - b);
  }
  for (const [g, group] of members) if (isCrowded.has(g)) for (const k of group) crowded[k] = 1;
  return { d, crowded };
}

/**
 * The fan of `sites` at every band of FAN_ZOOMS. Sites on exactly one place form a stack drawn as
 * a ring around it at every zoom (they never part); nearby stacks and symbols are pushed apart.
 * @example symbolFan([{ key: 'a', lngLat: [104.6, 30.1] }, { key: 'b', lngLat: [104.6, 30.1] }]).offsets[0][2] // [0, -17] at zoom 7
 */
export function symbolFan(sites: readonly FanSite[]): SymbolFan {
  const order = sites.map((_, i) => i).sort((a, b) => {
    const ka = (sites[a] as FanSite).key;
    const kb = (sites[b] as FanSite).key;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const byPlace = new Map<string, number[]>();
  for (const i of order) {
    const [lng, lat] = (sites[i] as FanSite).lngLat;
    const place = `${lng},${lat}`;
    const list = byPlace.get(place);
    if (list) list.push(i);
    else byPlace.set(place, [i]);
  }
  const stacks: Stack[] = [...byPlace.values()].map((list) => {
    const { offsets, radius } = stackRing(list.length);
    return { sites: list, lngLat: (sites[list[0] as number] as FanSite).lngLat, ring: offsets, radius };
  });
  const offsets: Offset[][] = sites.map(() => []);
  const hubs: Offset[][] = sites.map(() => []);
  const crowded: number[][] = [];
  FAN_ZOOMS.forEach((z) => {
    const x = new Float64Array(stacks.length);
    const y = new Float64Array(stacks.length);
    stacks.forEach((st, k) => {
      const [px, py] = worldPx(st.lngLat, z);
      x[k] = px;
      y[k] = py;
    });
    const end = Math.min(z + 1, MAX_ZOOM);
    const band = fanBand(stacks, x, y, 1 / iconSizeAt(z), 2 ** (end - z) / iconSizeAt(end));
    const crowdedHere: number[] = [];
    stacks.forEach((st, k) => {
      const dx = band.d[2 * k] as number;
      const dy = band.d[2 * k + 1] as number;
      const hx = Math.round(dx * ROUND) / ROUND || 0;
      const hy = Math.round(dy * ROUND) / ROUND || 0;
      const hub: Offset = hx === 0 && hy === 0 ? ZERO : [hx, hy];
      st.sites.forEach((s, m) => {
        const [rx, ry] = st.ring[m] as [number, number];
        const ox = Math.round((dx + rx) * ROUND) / ROUND || 0;
        const oy = Math.round((dy + ry) * ROUND) / ROUND || 0;
        const offset: Offset = ox === 0 && oy === 0 ? ZERO : [ox, oy];
        (offsets[s] as Offset[]).push(offset);
        // A lone symbol's hub is where it is drawn.
        (hubs[s] as Offset[]).push(st.sites.length > 1 ? hub : offset);
        if (band.crowded[k]) crowdedHere.push(s);
      });
    });
    crowded.push(crowdedHere.sort((a, b) => a - b));
  });
  return { offsets, hubs, crowded };
}

/** True when the site's symbol is moved at some zoom. */
export function isDisplaced(offsets: readonly Offset[]): boolean {
  return offsets.some(([ox, oy]) => ox !== 0 || oy !== 0);
}
