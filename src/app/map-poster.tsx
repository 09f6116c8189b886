/**
 * The poster map (issue 12 §2): the default view's map as SVG (src/map/poster-svg.ts), drawn at
 * build time into the prerendered page, shown in the map's slot until MapLibre has drawn its
 * first view — and kept when it cannot (no WebGL, the map code failed, the map stopped): then it
 * is the map. The map's owner (src/map/map-owner.ts) hides it at the first idle.
 *
 * The markup is made once, by the build (src/app/prerender.tsx). The client does not make it
 * again (poster-svg.ts is not in the page's script): main.ts reads it from the prerendered page
 * (the `.map-poster` element's innerHTML) and hands it back here, so hydration finds the same
 * markup, and a view rendered on the client (another language, an embed) shows the same poster.
 * Set as HTML: React never re-renders or compares its inside (contract 4).
 */
import { useEffect, useRef } from 'react';
import { translate } from '../i18n/translate';
import { selectVisibleIds } from '../state/selectors';
import { useAppStore } from '../state/store-context';

export function MapPoster({ markup }: { markup: string }) {
  const lang = useAppStore((s) => s.lang);
  const loaded = useAppStore((s) => s.atlas !== null);
  const visible = useAppStore(selectVisibleIds);
  const ref = useRef<HTMLDivElement>(null);
  // The poster follows the filters: each project's marks (`data-p`, poster-svg.ts) are left out
  // when the filters leave the project out (`data-off`, map-poster.css). Its statuses stay those of the
  // default date; the map's message says so when the view has another (map-view.tsx).
  useEffect(() => {
    const el = ref.current;
    if (!el || !loaded || el.hidden) return;
    const shown = new Set(visible);
    for (const mark of el.querySelectorAll('[data-p]')) mark.toggleAttribute('data-off', !shown.has(mark.getAttribute('data-p') ?? ''));
  }, [loaded, visible]);
  if (!markup) return null;
  return (
    <>
      <div ref={ref} className="map-poster" data-testid="map-poster" dangerouslySetInnerHTML={{ __html: markup }} />
      <noscript>
        <p className="map-poster__note">{translate(lang, 'map.needsJs')}</p>
      </noscript>
    </>
  );
}
