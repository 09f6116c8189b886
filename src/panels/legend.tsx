/**
 * The legend, generated from the same theme constants as the map layers (categories by colour
 * and symbol, statuses by fill level and dash, accuracy by line width/softness, progress,
 * corridors, zones), so it cannot drift from the map.
 */
import { useLayoutEffect, useRef } from 'react';
import { CATEGORIES, GEOMETRY_ACCURACY, STATUSES } from '../domain/types';
import { formatNumber } from '../i18n/format';
import { translate } from '../i18n/translate';
import { useAppStore } from '../state/store-context';
import { ACCURACY_STYLE, BASE_COLORS, CATEGORY_COLORS, PROGRESS_REST_OPACITY, STATUS_STYLE } from '../theme/palette';
import { LineSwatch, SymbolSwatch } from '../ui/symbol-swatch';

export function Legend({ compact = false }: { compact?: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const corridorId = useAppStore((s) => s.filters.corridorId);
  const withinKm = useAppStore((s) => s.filters.withinKm);
  const neutral = '#4b5560';
  // Closed at first when compact and on phones, where the open legend would cover the map. The
  // prerendered page cannot know the screen: it has the legend open (when not compact), and
  // phones close it before the first paint after hydration.
  const details = useRef<HTMLDetailsElement>(null);
  useLayoutEffect(() => {
    if (!compact && details.current && window.matchMedia?.('(max-width: 640px)').matches) details.current.open = false;
  }, [compact]);
  return (
    <details ref={details} className={`legend${compact ? ' legend--compact' : ''}`} open={!compact}>
      <summary className="legend__title">{translate(lang, 'legend.title')}</summary>
      <div className="legend__body">
        <section>
          <h3>{translate(lang, 'legend.categories')}</h3>
          <ul className="legend__list">
            {CATEGORIES.map((c) => (
              <li key={c}>
                <SymbolSwatch category={c} status="complete" />
                <LineSwatch color={CATEGORY_COLORS[c]} dash={[]} />
                <span>{translate(lang, `category.${c}`)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h3>{translate(lang, 'legend.statuses')}</h3>
          <ul className="legend__list">
            {STATUSES.map((s) => (
              <li key={s}>
                <SymbolSwatch category="platform" status={s} />
                <LineSwatch color={neutral} dash={STATUS_STYLE[s].dash} />
                <span>{translate(lang, `status.${s}`)}</span>
              </li>
            ))}
          </ul>
        </section>
        {compact ? null : (
          <section>
            <h3>{translate(lang, 'legend.accuracy')}</h3>
            <ul className="legend__list">
              {GEOMETRY_ACCURACY.map((a) => (
                <li key={a}>
                  <LineSwatch color={neutral} dash={[]} widthPx={ACCURACY_STYLE[a].widthPx} blurPx={ACCURACY_STYLE[a].blurPx} />
                  <span>{translate(lang, `accuracy.${a}`)}</span>
                </li>
              ))}
              <li>
                <LineSwatch color={neutral} dash={[]} opacity={PROGRESS_REST_OPACITY} />
                <span>{translate(lang, 'legend.progress')}</span>
              </li>
            </ul>
          </section>
        )}
        <section>
          <ul className="legend__list">
            <li>
              <LineSwatch color={BASE_COLORS.corridor} dash={[3, 2]} widthPx={2} />
              <span>{translate(lang, 'legend.corridor')}</span>
            </li>
            <li>
              <svg className="line-swatch" width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
                <rect x="2" y="1" width="30" height="10" fill={BASE_COLORS.zoneFill} fillOpacity="0.3" stroke={BASE_COLORS.zoneLine} strokeDasharray="3 3" />
              </svg>
              <span>{translate(lang, 'legend.zone')}</span>
            </li>
            {corridorId && withinKm !== null ? (
              <li>
                <LineSwatch color={BASE_COLORS.band} dash={[]} widthPx={9} opacity={0.25} />
                <span>{translate(lang, 'legend.band', { km: formatNumber(lang, withinKm) })}</span>
              </li>
            ) : null}
          </ul>
        </section>
      </div>
    </details>
  );
}
