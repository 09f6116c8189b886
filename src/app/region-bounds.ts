/**
 * The first view: the extent of the four cities [west, south, east, north] (WGS-84), rounded
 * outwards from data/cities.geojson. A test checks it still contains the region data.
 */
export const REGION_BOUNDS: [number, number, number, number] = [102.8, 29.4, 105.75, 31.71];
