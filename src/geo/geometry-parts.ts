import type { Geometry, Position } from 'geojson';
import { bboxOfPositions } from './bbox-of-positions';

/** A geometry broken into what distance and contact tests need. */
export interface GeometryParts {
  /** Every distinct vertex: points, line vertices, ring vertices (closing vertex omitted). */
  vertices: Position[];
  /** Straight segments (in lon/lat) of every line and ring. */
  segments: Array<[Position, Position]>;
  /** Polygons as rings (outer first, then holes), for containment tests. */
  polygons: Position[][][];
  /** [west, south, east, north] of the vertices (inverted infinities when there are none). */
  bbox: [number, number, number, number];
}

const cache = new WeakMap<Geometry, GeometryParts>();

/**
 * Decomposes any GeoJSON geometry (Point … MultiPolygon, GeometryCollection) into vertices,
 * segments and polygons, with their bounding box. Pure; no coordinate is copied or changed.
 * Cached per geometry object (the analysis meets each geometry once per corridor and zone), so
 * treat geometries as immutable.
 *
 * @example geometryParts({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }).segments.length // 1
 */
export function geometryParts(geometry: Geometry): GeometryParts {
  const cached = cache.get(geometry);
  if (cached) return cached;
  const parts: GeometryParts = { vertices: [], segments: [], polygons: [], bbox: [Infinity, Infinity, -Infinity, -Infinity] };
  addGeometry(parts, geometry);
  parts.bbox = bboxOfPositions(parts.vertices);
  cache.set(geometry, parts);
  return parts;
}

function addLine(parts: GeometryParts, line: Position[], closed: boolean): void {
  const n = closed && line.length > 1 ? line.length - 1 : line.length;
  for (let i = 0; i < n; i++) parts.vertices.push(line[i] as Position);
  for (let i = 0; i + 1 < line.length; i++) parts.segments.push([line[i] as Position, line[i + 1] as Position]);
}

function addGeometry(parts: GeometryParts, g: Geometry): void {
  switch (g.type) {
    case 'Point':
      parts.vertices.push(g.coordinates);
      return;
    case 'MultiPoint':
      for (const p of g.coordinates) parts.vertices.push(p);
      return;
    case 'LineString':
      addLine(parts, g.coordinates, false);
      return;
    case 'MultiLineString':
      for (const l of g.coordinates) addLine(parts, l, false);
      return;
    case 'Polygon':
      for (const r of g.coordinates) addLine(parts, r, true);
      if (g.coordinates.length > 0) parts.polygons.push(g.coordinates);
      return;
    case 'MultiPolygon':
      for (const poly of g.coordinates) {
        for (const r of poly) addLine(parts, r, true);
        if (poly.length > 0) parts.polygons.push(poly);
      }
      return;
    case 'GeometryCollection':
      for (const child of g.geometries) addGeometry(parts, child);
      return;
  }
}

/** A geometry's points, lines and areas (a GeometryCollection taken apart). */
export interface GeometryPieces {
  points: Position[];
  lines: Position[][];
  areas: Position[][][];
}

/**
 * Takes `g` apart into its points, lines and polygons (what the map draws: a symbol per point,
 * lines, fills), a GeometryCollection into its members'. No coordinate is copied.
 */
export function geometryPieces(g: Geometry): GeometryPieces {
  const out: GeometryPieces = { points: [], lines: [], areas: [] };
  const add = (x: Geometry) => {
    switch (x.type) {
      case 'Point':
        out.points.push(x.coordinates);
        break;
      case 'MultiPoint':
        out.points.push(...x.coordinates);
        break;
      case 'LineString':
        out.lines.push(x.coordinates);
        break;
      case 'MultiLineString':
        out.lines.push(...x.coordinates);
        break;
      case 'Polygon':
        out.areas.push(x.coordinates);
        break;
      case 'MultiPolygon':
        out.areas.push(...x.coordinates);
        break;
      case 'GeometryCollection':
        x.geometries.forEach(add);
        break;
    }
  };
  add(g);
  return out;
}
