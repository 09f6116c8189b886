/**
 * MapLibre's own UI strings (control labels, the cooperative-gesture hint, the canvas's
 * accessible name) from our catalogs, so a Chinese page does not carry English control labels.
 * MapLibre reads them once, when the map is created (it has no call to change them): after a
 * language switch, `relabelControls` relabels what its controls show.
 */
import { translate, type Lang } from '../i18n/translate';

export function mapLocale(lang: Lang): Record<string, string> {
  return {
    'Map.Title': translate(lang, 'a11y.mapTitle'),
    'NavigationControl.ZoomIn': translate(lang, 'a11y.zoomIn'),
    'NavigationControl.ZoomOut': translate(lang, 'a11y.zoomOut'),
    'NavigationControl.ResetBearing': translate(lang, 'a11y.resetBearing'),
    'AttributionControl.ToggleAttribution': translate(lang, 'a11y.attribution'),
    'CooperativeGesturesHandler.WindowsHelpText': translate(lang, 'a11y.gestureWheel'),
    'CooperativeGesturesHandler.MacHelpText': translate(lang, 'a11y.gestureWheelMac'),
    'CooperativeGesturesHandler.MobileHelpText': translate(lang, 'a11y.gestureTouch'),
  };
}

/** MapLibre's labelled elements (by class) and the UI string each shows as its title and accessible name. */
const LABELLED: readonly (readonly [selector: string, key: string, title: boolean])[] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn', true],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut', true],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing', true],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution', true],
  ['.maplibregl-canvas', 'Map.Title', false],
];

/**
 * Gives MapLibre's controls in `container` (the map's) their labels in `lang`, as `mapLocale`
 * would have at the map's creation. A MapLibre upgrade that renames these classes fails the
 * language e2e test (tests/e2e/region-map.spec.ts).
 */
export function relabelControls(container: ParentNode, lang: Lang): void {
  const strings = mapLocale(lang);
  for (const [selector, key, title] of LABELLED) {
    const text = strings[key];
    if (text === undefined) continue;
    for (const el of container.querySelectorAll(selector)) {
      el.setAttribute('aria-label', text);
      if (title) el.setAttribute('title', text);
    }
  }
}
