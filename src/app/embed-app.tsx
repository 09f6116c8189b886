/**
 * The embed layout (`embed=1`, issue 6 §1): title, as-of date, the map with a compact legend,
 * a source and attribution line, picture export and a link to the full map with the same
 * state. No side panel. Text and a static frame paint first; MapLibre loads after (LazyMap).
 * The map uses cooperative gestures here, so the article scrolls past it until the reader
 * uses Ctrl/⌘ + wheel or two fingers.
 */
import type { BaseMapResult } from '../data/load-base-map';
import { formatDate } from '../i18n/format';
import { translate } from '../i18n/translate';
import { Legend } from '../panels/legend';
import { selectAsOfDate, selectUrlState } from '../state/selectors';
import { useAppStore } from '../state/store-context';
import { serializeUrlState } from '../state/url-codec';
import { LazyMap } from './lazy-map';
import { PictureTools } from './picture-tools';
import { REGION_BOUNDS } from './region-bounds';

export function EmbedApp({ baseMap, poster }: { baseMap: Promise<BaseMapResult>; poster: string }) {
  const lang = useAppStore((s) => s.lang);
  const asOf = useAppStore(selectAsOfDate);
  const urlState = useAppStore(selectUrlState);
  const dataStatus = useAppStore((s) => s.dataStatus);
  const query = serializeUrlState({ ...urlState, embed: false });
  const fullHref = `./${query ? `?${query}` : ''}${window.location.hash}`;
  return (
    <div className="embed">
      <header className="embed__header">
        <h1 className="embed__title">{translate(lang, 'app.title')}</h1>
        <p className="embed__date" data-testid="as-of-date" aria-live="polite">
          {asOf ? translate(lang, 'slider.value', { date: formatDate(lang, asOf) }) : dataStatus === 'loading' ? translate(lang, 'app.loading') : ''}
        </p>
      </header>
      <main className="embed__map">
        <LazyMap baseMap={baseMap} initialBounds={REGION_BOUNDS} poster={poster} />
        <div className="embed__legend">
          <Legend compact />
        </div>
      </main>
      <footer className="embed__footer">
        <p className="embed__sources">{translate(lang, 'embed.sources')}</p>
        <div className="embed__tools">
          <PictureTools className="picture-export--compact" />
          <a className="embed__open" href={fullHref} target="_blank" rel="noopener" data-testid="embed-open-full">
            {translate(lang, 'app.openFull')}
            <span className="visually-hidden"> {translate(lang, 'a11y.newTab')}</span>
            <span aria-hidden="true"> ↗</span>
          </a>
        </div>
      </footer>
    </div>
  );
}
