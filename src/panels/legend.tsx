/**
 * The legend, generated from the same theme constants as the map layers (categories by colour
 * and symbol, statuses by fill level and dash, stale statuses faded, accuracy by line
 * width/softness, progress, corridors, zones, the leader of a symbol moved aside), so it cannot
 * drift from the map.
 *
 * Slim furniture (issue 13 §3): a `<details>` whose closed state is a small "图例 / Legend"
 * button. It opens by default only where it covers little of the map (a map wider than
 * OPEN_MIN_MAP_WIDTH and taller than OPEN_MIN_MAP_HEIGHT); in the embed and on phones it starts
 * closed. Its wrapper carries `data-covers-map` (contract 3) so camera framing avoids it.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { CATEGORIES, GEOMETRY_ACCURACY, STATUSES } from '../domain/types';
import { formatNumber } from '../i18n/format';
import { translate } from '../i18n/translate';
import { useAppStore } from '../state/store-context';
import { LEADER_STYLE } from '../theme/leader-symbol';
import { ACCURACY_STYLE, BASE_COLORS, PROGRESS_REST_OPACITY, STALE_OPACITY, STATUS_KEY_LOOK, STATUS_STYLE } from '../theme/palette';
import { LineSwatch, SymbolSwatch } from '../ui/symbol-swatch';

/** The open legend is about 250 px wide: open by default only on maps at least this wide… */
export const OPEN_MIN_MAP_WIDTH = 1280;
/** …and this tall. */
export const OPEN_MIN_MAP_HEIGHT = 640;

export function Legend({ compact = false }: { compact?: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const corridorId = useAppStore((s) => s.filters.corridorId);
  const withinKm = useAppStore((s) => s.filters.withinKm);
  const ref = useRef<HTMLDetailsElement>(null);
  // Closed in the first render (also the prerendered one), opened before paint where there is room.
  const [open, setOpen] = useState(false);
  useLayoutEffect(() => {
    if (compact) return;
    const map = ref.current?.closest('.app-map, .embed__map');
    if (map && map.clientWidth >= OPEN_MIN_MAP_WIDTH && map.clientHeight >= OPEN_MIN_MAP_HEIGHT) setOpen(true);
  }, [compact]);
  const neutral = STATUS_KEY_LOOK.color;
  return (
    <details ref={ref} className={`legend${compact ? ' legend--compact' : ''}`} open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="legend">
      <summary className="legend__title">{translate(lang, 'legend.title')}</summary>
      <div className="legend__body">
        <section>
          <h2 className="legend__heading">{translate(lang, 'legend.categories')}</h2>
          <ul className="legend__list legend__list--two">
            {CATEGORIES.map((c) => (
              <li key={c}>
                <SymbolSwatch category={c} status="complete" sizePx={14} />
                <span>{translate(lang, `category.${c}`)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2 className="legend__heading">{translate(lang, 'legend.statuses')}</h2>
          <ul className="legend__list">
            {STATUSES.map((s) => (
              <li key={s}>
                <SymbolSwatch category="platform" status={s} sizePx={14} look={STATUS_KEY_LOOK} />
                <LineSwatch color={neutral} dash={STATUS_STYLE[s].dash} />
                <span>{translate(lang, `status.${s}`)}</span>
              </li>
            ))}
            <li data-testid="legend-stale">
              <SymbolSwatch category="platform" status="under-construction" sizePx={14} look={STATUS_KEY_LOOK} opacity={STALE_OPACITY} />
              <LineSwatch color={neutral} dash={STATUS_STYLE['under-construction'].dash} opacity={STALE_OPACITY} />
              <span>{translate(lang, 'legend.stale')}</span>
            </li>
          </ul>
        </section>
        <section>
          <h2 className="legend__heading">{translate(lang, 'legend.accuracy')}</h2>
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
            <li data-testid="legend-leader">
              {/* The map's leader (src/theme/leader-symbol.ts) from its dot to a symbol. */}
              <svg className="line-swatch" width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
                <path d="M5 6H24" stroke={LEADER_STYLE.halo} strokeWidth={LEADER_STYLE.haloWidthPx} strokeLinecap="round" />
                <path d="M5 6H24" stroke={LEADER_STYLE.color} strokeWidth={LEADER_STYLE.widthPx} strokeLinecap="round" />
                <circle cx="5" cy="6" r={LEADER_STYLE.dotRadiusPx} fill={LEADER_STYLE.color} stroke={LEADER_STYLE.halo} strokeWidth={LEADER_STYLE.dotRingPx} />
                <circle cx="28" cy="6" r="4.5" fill="#ffffff" stroke={neutral} strokeWidth="1.5" />
              </svg>
              <span>{translate(lang, 'legend.leader')}</span>
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
