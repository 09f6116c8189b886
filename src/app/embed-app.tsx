/**
 * The embed layout (`embed=1`): title, as-of date, the map with a compact legend, a source and
 * attribution line and a link to the full map with the same state. No side panel.
 */
import type { BaseMapResult } from '../data/load-base-map';
import { formatDate } from '../i18n/format';
import { translate } from '../i18n/translate';
import { Legend } from '../panels/legend';
import { selectAsOfDate, selectUrlState } from '../state/selectors';
import { useAppStore } from '../state/store-context';
import { serializeUrlState } from '../state/url-codec';
import { LazyMap } from './lazy-map';
import { REGION_BOUNDS } from './region-bounds';

export function EmbedApp({ baseMap }: { baseMap: Promise<BaseMapResult> }) {
  const lang = useAppStore((s) => s.lang);
  const asOf = useAppStore(selectAsOfDate);
  const urlState = useAppStore(selectUrlState);
  const query = serializeUrlState({ ...urlState, embed: false });
  const fullHref = `./${query ? `?${query}` : ''}${window.location.hash}`;
  return (
    <div className="embed">
      <header className="embed__header">
        <h1 className="embed__title">{translate(lang, 'app.title')}</h1>
        {asOf ? <p className="embed__date" data-testid="as-of-date">{translate(lang, 'slider.value', { date: formatDate(lang, asOf) })}</p> : null}
      </header>
      <div className="embed__map">
        <LazyMap baseMap={baseMap} initialBounds={REGION_BOUNDS} />
        <div className="embed__legend">
          <Legend compact />
        </div>
      </div>
      <footer className="embed__footer">
        <span className="embed__sources">{translate(lang, 'embed.sources')}</span>
        <a className="embed__open" href={fullHref} target="_blank" rel="noopener">
          {translate(lang, 'app.openFull')}
        </a>
      </footer>
    </div>
  );
}
