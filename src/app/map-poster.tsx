/**
 * The poster map (issue 12 §2): the default view's map as SVG (src/map/poster-svg.ts), drawn at
 * build time into the prerendered page, shown in the map's place until MapLibre has drawn its
 * first view — and kept when it cannot (no WebGL, the map code failed): then it is the map.
 *
 * The markup is made once, by the build (src/app/prerender.tsx). The client does not make it
 * again (poster-svg.ts is not in the page's script): main.ts reads it from the prerendered page
 * (the `.map-poster` element's innerHTML) and hands it back here, so hydration finds the same
 * markup, and a view rendered on the client (another language, an embed) shows the same poster.
 */
import { useEffect, useState } from 'react';
import { MAP_IDLE_EVENT, mapFailed } from '../map/map-handle';
import { translate } from '../i18n/translate';
import { useAppStore } from '../state/store-context';

/** False once the live map has drawn its first view (then the poster goes); stays true if the map fails. */
function usePosterWanted(): boolean {
  const [wanted, setWanted] = useState(true);
  useEffect(() => {
    const check = () => {
      if (window.__mapIdle !== undefined && !mapFailed()) setWanted(false);
    };
    check();
    window.addEventListener(MAP_IDLE_EVENT, check);
    return () => window.removeEventListener(MAP_IDLE_EVENT, check);
  }, []);
  return wanted;
}

export function MapPoster({ markup }: { markup: string }) {
  const lang = useAppStore((s) => s.lang);
  const wanted = usePosterWanted();
  if (!markup || !wanted) return null;
  return (
    <>
      {/* The SVG is set as HTML: React never re-renders or compares its inside (contract 4). */}
      <div className="map-poster" data-testid="map-poster" dangerouslySetInnerHTML={{ __html: markup }} />
      <noscript>
        <p className="map-poster__note">{translate(lang, 'map.needsJs')}</p>
      </noscript>
    </>
  );
}
