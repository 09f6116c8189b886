/**
 * Deterministic serialisation of the region outputs: fixed key order, fixed rounding, RFC 7946
 * winding, one feature per line (readable diffs), trailing newline. The same input always gives
 * the same bytes, which is what `npm run data:region -- --check` compares.
 */
import type { Feature, Geometry, Position } from 'geojson';
import type { Topology } from 'topojson-specification';

/** Rounds to `decimals` places; `-0` becomes `0` so output bytes never depend on a sign bit. */
export function roundTo(value: number, decimals: number): number {
  const r = Number(value.toFixed(decimals));
  return Object.is(r, -0) ? 0 : r;
}

function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}

/** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. Returns new rings. */
export function rewindPolygon(rings: readonly Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    const wantCcw = i === 0;
    return ccw === wantCcw ? ring.slice() : ring.slice().reverse();
  });
}

/** Rounds positions, drops consecutive duplicates the rounding creates, and rewinds polygons. */
export function normalizeGeometry(geometry: Geometry, decimals: number): Geometry {
  const pos = (p: Position): Position => [roundTo(p[0]!, decimals), roundTo(p[1]!, decimals)];
  const line = (ps: readonly Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of ps.map(pos)) {
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: pos(geometry.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: line(geometry.coordinates) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: rewindPolygon(geometry.coordinates.map(line)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => rewindPolygon(poly.map(line))) };
    default:
      throw new Error(`normalizeGeometry: unsupported geometry type ${geometry.type}`);
  }
}

/** A feature with keys in the order type, id, properties, geometry (properties keep their given order). */
function orderedFeature(feature: Feature): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'Feature' };
  if (feature.id !== undefined) out.id = feature.id;
  out.properties = feature.properties;
  out.geometry = feature.geometry;
  return out;
}

/** A FeatureCollection as text: one feature per line. */
export function stringifyFeatureCollection(features: readonly Feature[], header: Record<string, unknown> = {}): string {
  const head = JSON.stringify({ type: 'FeatureCollection', ...header }).slice(0, -1);
  const body = features.map((f) => JSON.stringify(orderedFeature(f))).join(',\n');
  return `${head},"features":[\n${body}\n]}\n`;
}

/** A TopoJSON topology as text: header, one geometry per line, one arc per line. */
export function stringifyTopology(topology: Topology): string {
  const lines: string[] = [];
  lines.push(`{"type":"Topology","bbox":${JSON.stringify(topology.bbox?.map((v) => roundTo(v, 6)))},"transform":${JSON.stringify(topology.transform)},"objects":{`);
  const names = Object.keys(topology.objects);
  names.forEach((name, n) => {
    const object = topology.objects[name]!;
    if (object.type !== 'GeometryCollection') throw new Error(`stringifyTopology: object ${name} is not a GeometryCollection`);
    lines.push(`${JSON.stringify(name)}:{"type":"GeometryCollection","geometries":[`);
    object.geometries.forEach((g, i) => {
      const ordered: Record<string, unknown> = { type: g.type };
      if (g.id !== undefined) ordered.id = g.id;
      if (g.properties !== undefined) ordered.properties = g.properties;
      if ('arcs' in g) ordered.arcs = g.arcs;
      lines.push(JSON.stringify(ordered) + (i + 1 < object.geometries.length ? ',' : ''));
    });
    lines.push(`]}${n + 1 < names.length ? ',' : ''}`);
  });
  lines.push('},"arcs":[');
  topology.arcs.forEach((arc, i) => lines.push(JSON.stringify(arc) + (i + 1 < topology.arcs.length ? ',' : '')));
  lines.push(']}');
  return lines.join('\n') + '\n';
}
