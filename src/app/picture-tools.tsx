/**
 * Wires the picture buttons (panels/) to the map module's exporter: reads the store at click
 * time and knows whether a map is there to draw.
 */
import { useSyncExternalStore } from 'react';
import { LAYER_IDS } from '../map/layer-ids';
import { currentMap, mapFailed, onMapChange } from '../map/map-handle';
import { PictureExport } from '../panels/picture-export';
import { useAppStoreApi } from '../state/store-context';

/** True while a ready map is published by the map view. */
export function useMapReady(): boolean {
  return useSyncExternalStore(
    (notify) => onMapChange(() => notify()),
    () => currentMap() !== null,
    // The prerendered page and its hydration: no map yet.
    () => false,
  );
}

export function PictureTools({ className }: { className?: string }) {
  const store = useAppStoreApi();
  const ready = useMapReady();
  // Without WebGL (or base data) the map never comes: no picture buttons (the map's message says why).
  const noWebgl = useSyncExternalStore((notify) => onMapChange(() => notify()), mapFailed, () => false);
  return (
    <PictureExport
      className={className}
      available={ready}
      mapImpossible={noWebgl}
      onExport={async (scale) => {
        // The picture composer is loaded on the first export, not with the page.
        const [{ downloadMapPicture }, { buildPictureSpec }] = await Promise.all([import('../map/export-picture'), import('./picture-spec')]);
        // The legend keys what the picture shows: the projects in the map's visible box (read only).
        const b = currentMap()?.getBounds();
        const view: [number, number, number, number] | null = b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] : null;
        // A leader is drawn where a moved symbol of a shown project is (its image is empty elsewhere).
        const leaders = currentMap()?.queryRenderedFeatures({ layers: [LAYER_IDS.projectLeader] }) ?? [];
        const leadersDrawn = leaders.some((f) => (f.state as { shown?: boolean } | undefined)?.shown === true);
        return downloadMapPicture(buildPictureSpec(store.getState(), scale, view, leadersDrawn));
      }}
    />
  );
}
