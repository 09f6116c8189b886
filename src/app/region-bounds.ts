/**
 * The first view: the extent of the four cities [west, south, east, north] (WGS-84), rounded
 * outwards from data/cities.geojson. A test checks it still contains the region data.
 */
export const REGION_BOUNDS: [number, number, number, number] = [102.8, 29.4, 105.75, 31.71];

/**
 * How the first view fits REGION_BOUNDS into the map's slot (MapLibre `fitBounds` options). The
 * live map and the poster (src/map/poster-svg.ts, placed by app.css `.map-poster`) both use
 * these numbers, so the switch from the poster to the map is not a jump.
 */
export const REGION_FIT = { padding: 16, maxZoom: 15 } as const;
