/**
 * Geometry as text for tabular exports: WKT (OGC Simple Features, WGS-84 `lon lat`) and one
 * representative point (lon/lat columns for tools that read points from CSV, e.g. kepler.gl).
 */
import type { Geometry, Position } from 'geojson';
import * as turf from '@turf/turf';

const num = (v: number): string => String(Math.round(v * 1e7) / 1e7);
const pos = (p: Position): string => `${num(p[0] as number)} ${num(p[1] as number)}`;
const line = (ps: Position[]): string => `(${ps.map(pos).join(', ')})`;
const poly = (rings: Position[][]): string => `(${rings.map(line).join(', ')})`;

/** WKT of a GeoJSON geometry (2-D; a third coordinate is dropped). */
export function geometryToWkt(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `POINT (${pos(g.coordinates)})`;
    case 'MultiPoint':
      return `MULTIPOINT (${g.coordinates.map((p) => `(${pos(p)})`).join(', ')})`;
    case 'LineString':
      return `LINESTRING ${line(g.coordinates)}`;
    case 'MultiLineString':
      return `MULTILINESTRING (${g.coordinates.map(line).join(', ')})`;
    case 'Polygon':
      return `POLYGON ${poly(g.coordinates)}`;
    case 'MultiPolygon':
      return `MULTIPOLYGON (${g.coordinates.map(poly).join(', ')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION (${g.geometries.map(geometryToWkt).join(', ')})`;
  }
}

/** A point ON the geometry (a Point itself; turf's pointOnFeature otherwise), rounded to 1e-6°. */
export function geometryLabelPoint(g: Geometry): [number, number] {
  const p = g.type === 'Point' ? g.coordinates : turf.pointOnFeature(turf.feature(g)).geometry.coordinates;
  return [Math.round((p[0] as number) * 1e6) / 1e6, Math.round((p[1] as number) * 1e6) / 1e6];
}
