/**
 * MapLibre's own UI strings (control labels, the cooperative-gesture hint, the canvas's
 * accessible name) from our catalogs, so a Chinese page does not carry English control labels.
 * MapLibre reads them once, when the map is created.
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
