/**
 * The phone bottom sheet's collapsed height (contract 3): published as the CSS custom property
 * `--sheet-collapsed` (px) on the document root, where the map's framing reads it (framing.ts).
 * The layout (app.css) sizes the sheet with the same share as a percentage, so publishing the
 * height never resizes the map. The map frames for this height even while the sheet is
 * expanded. Off phones the property is `0px` (no sheet).
 */
import { useLayoutEffect, type RefObject } from 'react';

/** Phones: the side panel becomes a bottom sheet (the same query as app.css). */
export const PHONE_QUERY = '(max-width: 640px)';
/** Share of the main area the collapsed sheet takes (app.css: `36%`, kept equal by a unit test). */
export const SHEET_COLLAPSED_SHARE = 0.36;

export function useSheetCollapsedHeight(mainRef: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const main = mainRef.current;
    if (!main || typeof ResizeObserver === 'undefined') return;
    const phone = window.matchMedia?.(PHONE_QUERY);
    const root = document.documentElement;
    const update = () => {
      const px = phone?.matches ? Math.round(main.clientHeight * SHEET_COLLAPSED_SHARE) : 0;
      root.style.setProperty('--sheet-collapsed', `${px}px`);
    };
    const observer = new ResizeObserver(update);
    observer.observe(main);
    phone?.addEventListener?.('change', update);
    update();
    return () => {
      observer.disconnect();
      phone?.removeEventListener?.('change', update);
    };
  }, [mainRef]);
}
