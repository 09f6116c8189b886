/**
 * The zooms the map allows (map-owner.ts gives them to MapLibre; the camera hash clamps to them).
 * The symbol fan-out (symbol-fan.ts) is computed for every integer zoom in this range.
 */
export const MIN_ZOOM = 5;
export const MAX_ZOOM = 15;
