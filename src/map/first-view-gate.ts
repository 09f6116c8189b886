/**
 * The first view's frame gate.
 *
 * While the first view loads, MapLibre draws a new frame each time a tile arrives. Our first
 * view has about a dozen layers over eight sources, so the tiles come in a dozen batches. Each
 * frame redraws every layer, and the browser then composites the page. In software rendering
 * (SwiftShader, as in CI and on machines without a usable GPU) one such frame costs 100–250 ms.
 * The partial frames only show the map assembling itself, layer by layer.
 *
 * The gate holds back repaints while any source is still loading its data, or any tile of the
 * view is still loading. It lets a frame through when:
 * - every source has its data and no tile is loading: the frame that requests the tiles of
 *   every source at once, and then the complete view (tiles are only requested by a frame, so
 *   a frame let through while some sources were still loading would request the other
 *   sources' tiles a pass later);
 * - the camera moves (the user pans or zooms during the load);
 * - `maxWaitMs` has passed since a repaint was first held back (a slow network still shows
 *   progress, at most once per `maxWaitMs`).
 *
 * After the map's first `idle` event, the gate removes itself, and MapLibre repaints as usual.
 * It uses only public API: `triggerRepaint`, which MapLibre calls for every repaint it wants,
 * is shadowed on this one map instance until then.
 *
 * @returns a function that removes the gate early (the map is being removed)
 */
import type { Map as MlMap } from 'maplibre-gl';

export function gateFirstView(map: MlMap, maxWaitMs = 1000): () => void {
  const repaint = map.triggerRepaint.bind(map);
  let held: ReturnType<typeof setTimeout> | undefined;
  let open = false;
  const release = () => {
    if (open) return;
    open = true;
    clearTimeout(held);
    // Back to the prototype's method.
    delete (map as { triggerRepaint?: unknown }).triggerRepaint;
  };
  const sourcesLoaded = () => {
    const ids = new Set<string>();
    for (const id of map.getLayersOrder()) {
      const layer = map.getLayer(id);
      if (layer && 'source' in layer && typeof layer.source === 'string') ids.add(layer.source);
    }
    for (const id of ids) if (map.getSource(id)?.loaded() === false) return false;
    return true;
  };
  map.triggerRepaint = () => {
    if (open || map.isMoving() || (sourcesLoaded() && map.areTilesLoaded())) {
      clearTimeout(held);
      held = undefined;
      repaint();
      return;
    }
    held ??= setTimeout(() => {
      held = undefined;
      if (!open) repaint();
    }, maxWaitMs);
  };
  map.once('idle', release);
  return release;
}
