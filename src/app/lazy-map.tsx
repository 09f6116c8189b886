/**
 * The map's container in the shells (app.tsx, embed-app.tsx). It is small and renders at once,
 * also into the prerendered page: MapLibre and the map's owner load separately (map-code.ts) and
 * draw into its slot, over the poster map.
 */
import type { BaseMapResult } from '../data/load-base-map';
import { MapView } from '../map/map-view';

export function LazyMap({ baseMap, poster }: { baseMap: Promise<BaseMapResult>; poster: string }) {
  return <MapView baseMap={baseMap} poster={poster} />;
}
