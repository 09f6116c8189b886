/** Every source and layer id of the map, in one place (tests and the driver use them too). */
export const SOURCE_IDS = {
  cities: 'cities',
  counties: 'counties',
  labels: 'region-labels',
  water: 'water',
  corridors: 'corridors',
  zones: 'zones',
  projects: 'projects',
  stations: 'stations',
} as const;

export const LAYER_IDS = {
  background: 'background',
  cityFill: 'city-fill',
  lakes: 'lakes',
  rivers: 'rivers',
  countyBorder: 'county-border',
  cityBorder: 'city-border',
  zoneFill: 'zone-fill',
  zoneLine: 'zone-line',
  corridorBand: 'corridor-band',
  corridorLine: 'corridor-line',
  corridorLabel: 'corridor-label',
  projectFill: 'project-fill',
  projectOutline: 'project-outline',
  projectLineCasing: 'project-line-casing',
  projectLine: 'project-line',
  projectLeader: 'project-leader',
  projectSpoke: 'project-spoke',
  projectLineSymbol: 'project-line-symbol',
  projectLineLabel: 'project-line-label',
  projectPoint: 'project-point',
  stations: 'stations',
  countyLabel: 'county-label',
  cityLabel: 'city-label',
} as const;

/** Layers whose features are projects (click, hover, query). */
export const PROJECT_LAYER_IDS: string[] = [
  LAYER_IDS.projectFill,
  LAYER_IDS.projectOutline,
  LAYER_IDS.projectLine,
  LAYER_IDS.projectLineSymbol,
  LAYER_IDS.projectPoint,
];
