/**
 * All the planner filters, combinable: text search, category, status on the date, city,
 * county, corridor + distance, junction zone and evidence. The count of matches stays in view
 * (sticky header, announced politely to screen readers) and one button clears everything.
 * Reads and writes only the store's filters slice; the filtering itself is `filterProjects`.
 */
import { useId, useState } from 'react';
import { MAX_WITHIN_KM, filtersActive } from '../domain/filter-projects';
import { CATEGORIES, CITY_IDS, STATUSES } from '../domain/types';
import { formatDate } from '../i18n/format';
import { translate, type Lang } from '../i18n/translate';
import { selectAsOfDate, selectCountyOptions, selectProjectCounts } from '../state/selectors';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { SymbolSwatch } from '../ui/symbol-swatch';
import './filter-panel.css';

/** Distance offered when the reader first limits the distance (the planner's usual question). */
const DEFAULT_WITHIN_KM = 5;

/**
 * How many projects match, and how they split on the date (contract 8, issue 13 §5): on the map,
 * no record yet (not drawn), no published location (not drawn). Parts that are 0 are left out,
 * except "on the map". `data-count` stays the number of matching projects (the list's length).
 */
function FilterCount({ lang }: { lang: Lang }) {
  const counts = useAppStore(selectProjectCounts);
  const parts = [
    translate(lang, 'filters.countOnMap', { n: counts.onMap }),
    ...(counts.noRecordYet > 0 ? [translate(lang, 'filters.countNoRecord', { n: counts.noRecordYet })] : []),
    ...(counts.noLocation > 0 ? [translate(lang, 'filters.countNoLocation', { n: counts.noLocation })] : []),
  ];
  return (
    <p
      className="filters__count"
      role="status"
      aria-live="polite"
      data-testid="filter-count"
      data-count={counts.matching}
      data-on-map={counts.onMap}
      data-no-record={counts.noRecordYet}
      data-no-location={counts.noLocation}
    >
      {translate(lang, 'filters.count', { n: counts.matching, total: counts.total })}
      <span className="visually-hidden">{lang === 'zh' ? '。' : '. '}</span>
      <span className="filters__count-parts" data-testid="filter-count-parts">
        {parts.join(lang === 'zh' ? '，' : ' · ')}
      </span>
    </p>
  );
}

function CorridorFilter({ lang }: { lang: Lang }) {
  const store = useAppStoreApi();
  const corridors = useAppStore((s) => s.atlas?.corridors);
  const corridorId = useAppStore((s) => s.filters.corridorId);
  const withinKm = useAppStore((s) => s.filters.withinKm);
  const id = useId();
  // What the reader is typing in the number box ("2." on the way to "2.5"); null = show the store's value.
  const [draft, setDraft] = useState<string | null>(null);
  const setWithin = (text: string) => {
    const km = Number(text);
    if (text.trim() !== '' && Number.isFinite(km)) store.getState().setWithinKm(Math.min(MAX_WITHIN_KM, Math.max(0, km)));
  };
  return (
    <div className="filters__group">
      <label className="filters__label" htmlFor={`${id}-corridor`}>
        {translate(lang, 'filters.corridor')}
      </label>
      <select
        id={`${id}-corridor`}
        className="filters__select"
        value={corridorId ?? ''}
        onChange={(e) => store.getState().setCorridor(e.target.value === '' ? null : e.target.value)}
        data-testid="filter-corridor"
      >
        <option value="">{translate(lang, 'filters.any')}</option>
        {(corridors ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {lang === 'zh' ? c.name_zh : c.name_en}
          </option>
        ))}
      </select>
      {corridorId !== null ? (
        <div className="filters__within">
          <label className="filters__check">
            <input
              type="checkbox"
              checked={withinKm !== null}
              onChange={(e) => store.getState().setWithinKm(e.target.checked ? DEFAULT_WITHIN_KM : null)}
              data-testid="filter-within-enabled"
            />
            {translate(lang, 'filters.withinLimit')}
          </label>
          {withinKm !== null ? (
            <div className="filters__within-inputs">
              <label className="filters__label" htmlFor={`${id}-within`}>
                {translate(lang, 'filters.within')}
              </label>
              <input
                type="range"
                min={0}
                max={MAX_WITHIN_KM}
                step={0.5}
                value={withinKm}
                aria-label={translate(lang, 'filters.within')}
                aria-valuetext={`${withinKm} km`}
                onChange={(e) => setWithin(e.target.value)}
                className="filters__range"
                data-testid="filter-within-range"
              />
              <input
                id={`${id}-within`}
                type="number"
                min={0}
                max={MAX_WITHIN_KM}
                step={0.1}
                inputMode="decimal"
                value={draft ?? String(withinKm)}
                onChange={(e) => {
                  setDraft(e.target.value);
                  setWithin(e.target.value);
                }}
                onBlur={() => setDraft(null)}
                className="filters__number"
                data-testid="filter-within"
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function CountyFilter({ lang }: { lang: Lang }) {
  const store = useAppStoreApi();
  const options = useAppStore(selectCountyOptions);
  const selected = useAppStore((s) => s.filters.counties);
  if (options.length === 0) return null;
  return (
    <details className="filters__group filters__details" open={selected.length > 0 ? true : undefined}>
      <summary className="filters__summary">
        {translate(lang, 'filters.county')}
        {selected.length > 0 ? ` · ${translate(lang, 'filters.countySelected', { n: selected.length })}` : ''}
      </summary>
      {CITY_IDS.map((city) => {
        const inCity = options.filter((o) => o.city === city);
        if (inCity.length === 0) return null;
        return (
          <fieldset key={city} className="filters__fieldset filters__fieldset--nested">
            <legend>{translate(lang, `city.${city}`)}</legend>
            <div className="filters__chips">
              {inCity.map((o) => (
                <label key={o.code} className="filters__chip">
                  <input type="checkbox" checked={selected.includes(o.code)} onChange={() => store.getState().toggleCounty(o.code)} value={o.code} />
                  {lang === 'zh' ? o.name_zh : o.name_en}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      {options.some((o) => o.city === null) ? (
        <div className="filters__chips">
          {options
            .filter((o) => o.city === null)
            .map((o) => (
              <label key={o.code} className="filters__chip">
                <input type="checkbox" checked={selected.includes(o.code)} onChange={() => store.getState().toggleCounty(o.code)} value={o.code} />
                {o.code}
              </label>
            ))}
        </div>
      ) : null}
    </details>
  );
}

export function FilterPanel() {
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const filters = useAppStore((s) => s.filters);
  const zones = useAppStore((s) => s.atlas?.zones);
  const asOfDate = useAppStore(selectAsOfDate);
  const id = useId();
  const active = filtersActive(filters);
  return (
    <section className="filters" aria-labelledby={`${id}-title`} data-testid="filter-panel">
      <div className="filters__head">
        <h2 id={`${id}-title`} className="filters__title">
          {translate(lang, 'filters.title')}
        </h2>
        <FilterCount lang={lang} />
        <button type="button" className="button filters__reset" onClick={() => store.getState().resetFilters()} disabled={!active} data-testid="filter-reset">
          {translate(lang, 'filters.reset')}
        </button>
      </div>

      <div className="filters__group">
        <label className="filters__label" htmlFor={`${id}-q`}>
          {translate(lang, 'filters.search')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          className="filters__search"
          value={filters.query}
          maxLength={100}
          placeholder={translate(lang, 'filters.searchHint')}
          onChange={(e) => store.getState().setQuery(e.target.value)}
          data-testid="filter-search"
        />
      </div>

      <fieldset className="filters__fieldset">
        <legend>{translate(lang, 'filters.category')}</legend>
        <div className="filters__chips">
          {CATEGORIES.map((c) => (
            <label key={c} className="filters__chip">
              <input type="checkbox" checked={filters.categories.includes(c)} onChange={() => store.getState().toggleCategory(c)} value={c} data-testid={`filter-category-${c}`} />
              <SymbolSwatch category={c} status="complete" sizePx={14} />
              {translate(lang, `category.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="filters__fieldset">
        <legend>{translate(lang, 'filters.status', { date: asOfDate ? formatDate(lang, asOfDate) : '…' })}</legend>
        <div className="filters__chips">
          {STATUSES.map((st) => (
            <label key={st} className="filters__chip">
              <input type="checkbox" checked={filters.statuses.includes(st)} onChange={() => store.getState().toggleStatus(st)} value={st} data-testid={`filter-status-${st}`} />
              {translate(lang, `status.${st}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="filters__fieldset">
        <legend>{translate(lang, 'filters.city')}</legend>
        <div className="filters__chips">
          {CITY_IDS.map((city) => (
            <label key={city} className="filters__chip">
              <input type="checkbox" checked={filters.cities.includes(city)} onChange={() => store.getState().toggleCity(city)} value={city} data-testid={`filter-city-${city}`} />
              {translate(lang, `city.${city}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <CountyFilter lang={lang} />
      <CorridorFilter lang={lang} />

      <div className="filters__group">
        <label className="filters__label" htmlFor={`${id}-zone`}>
          {translate(lang, 'filters.zone')}
        </label>
        <select
          id={`${id}-zone`}
          className="filters__select"
          value={filters.zoneId ?? ''}
          onChange={(e) => store.getState().setZone(e.target.value === '' ? null : e.target.value)}
          data-testid="filter-zone"
        >
          <option value="">{translate(lang, 'filters.any')}</option>
          {(zones ?? []).map((z) => (
            <option key={z.id} value={z.id}>
              {lang === 'zh' ? z.name_zh : z.name_en}
            </option>
          ))}
        </select>
      </div>

      <div className="filters__group">
        <label className="filters__check">
          <input
            type="checkbox"
            checked={filters.evidence === 'observed'}
            onChange={(e) => store.getState().setEvidence(e.target.checked ? 'observed' : 'all')}
            aria-describedby={`${id}-evidence-hint`}
            data-testid="filter-evidence"
          />
          {translate(lang, 'filters.evidence')}
        </label>
        <p id={`${id}-evidence-hint`} className="filters__hint">
          {translate(lang, 'filters.evidenceHint')}
        </p>
      </div>
    </section>
  );
}
