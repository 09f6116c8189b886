/**
 * Wires the picture buttons (panels/) to the map module's exporter: reads the store at click
 * time and knows whether a map is there to draw.
 */
import { useSyncExternalStore } from 'react';
import { downloadMapPicture } from '../map/export-picture';
import { currentMap, onMapChange } from '../map/map-handle';
import { PictureExport } from '../panels/picture-export';
import { useAppStoreApi } from '../state/store-context';
import { buildPictureSpec } from './picture-spec';

/** True while a ready map is published by the map view. */
export function useMapReady(): boolean {
  return useSyncExternalStore(
    (notify) => onMapChange(() => notify()),
    () => currentMap() !== null,
  );
}

export function PictureTools({ className }: { className?: string }) {
  const store = useAppStoreApi();
  const ready = useMapReady();
  return (
    <PictureExport
      className={className}
      available={ready}
      onExport={(scale) => downloadMapPicture(buildPictureSpec(store.getState(), scale))}
    />
  );
}
