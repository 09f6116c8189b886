/**
 * The map's container in the shells (app.tsx, embed-app.tsx). It is small and renders at once:
 * MapLibre and the map's owner load separately (map-code.ts) and draw into its slot.
 */
import type { BaseMapResult } from '../data/load-base-map';
import { MapView } from '../map/map-view';

export function LazyMap({ baseMap }: { baseMap: Promise<BaseMapResult>; initialBounds?: unknown }) {
  return <MapView baseMap={baseMap} />;
}
