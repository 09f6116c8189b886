/**
 * The embed layout (`embed=1`, issue 6 §1): title, as-of date, the selected project's name,
 * the map with a compact legend (closed at first), ONE sources line (it is the map's attribution
 * too: MapLibre's own attribution control is hidden in the embed), picture export and a link to
 * the full map with the same state. No side panel. Text and a static frame paint first; MapLibre
 * loads after (LazyMap). The map uses cooperative gestures here, so the article scrolls past it
 * until the reader uses Ctrl/⌘ + wheel or two fingers.
 */
import type { BaseMapResult } from '../data/load-base-map';
import { formatDate } from '../i18n/format';
import { translate, type Lang } from '../i18n/translate';
import { Legend } from '../panels/legend';
import { selectAsOfDate, selectSelectedProject, selectUrlState } from '../state/selectors';
import { useAppStore } from '../state/store-context';
import { serializeUrlState } from '../state/url-codec';
import { LazyMap } from './lazy-map';
import { OSM_COPYRIGHT_URL, sourcesLine } from '../map/base-style';
import { PictureTools } from './picture-tools';

/** The sources and map attribution in one line, with the OpenStreetMap credit linked as ODbL asks. */
export function SourcesLine({ lang, className }: { lang: Lang; className: string }) {
  const { before, osm, after } = sourcesLine(lang);
  return (
    <p className={className} data-testid="sources-line">
      {before}
      <a href={OSM_COPYRIGHT_URL} target="_blank" rel="noopener noreferrer">
        {osm}
      </a>
      {after}
    </p>
  );
}

export function EmbedApp({ baseMap, poster }: { baseMap: Promise<BaseMapResult>; poster: string }) {
  const lang = useAppStore((s) => s.lang);
  const asOf = useAppStore(selectAsOfDate);
  const urlState = useAppStore(selectUrlState);
  const dataStatus = useAppStore((s) => s.dataStatus);
  const selected = useAppStore(selectSelectedProject);
  const query = serializeUrlState({ ...urlState, embed: false });
  const fullHref = `./${query ? `?${query}` : ''}${window.location.hash}`;
  return (
    <div className="embed">
      <header className="embed__header" aria-labelledby="embed-title">
        <h1 id="embed-title" className="embed__title">{translate(lang, 'app.title')}</h1>
        <p className="embed__date" data-testid="as-of-date" aria-live="polite">
          {asOf ? translate(lang, 'slider.value', { date: formatDate(lang, asOf) }) : dataStatus === 'loading' ? translate(lang, 'app.loading') : ''}
        </p>
        {selected ? (
          <p className="embed__selected" data-testid="embed-selected" title={lang === 'zh' ? selected.name_zh : selected.name_en}>
            {translate(lang, 'embed.selected', { name: lang === 'zh' ? selected.name_zh : selected.name_en })}
          </p>
        ) : null}
      </header>
      <main className="embed__map">
        <LazyMap baseMap={baseMap} poster={poster} />
        <div className="embed__legend" data-covers-map="">
          <Legend compact />
        </div>
      </main>
      <footer className="embed__footer">
        <SourcesLine lang={lang} className="embed__sources" />
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
