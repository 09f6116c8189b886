/**
 * The as-of date: a native range input over days (keyboard operable, announced with its date),
 * ticks at milestone dates and source-document dates, play/pause through those dates.
 * PageUp/PageDown jump to the previous/next tick.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { milestoneDates, timelineDateRange } from '../domain/status-on-date';
import { formatDate } from '../i18n/format';
import { translate } from '../i18n/translate';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { selectAsOfDate } from '../state/selectors';

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const toIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Milliseconds between steps while playing. */
const PLAY_STEP_MS = 1200;

/**
 * The slider's frame while the data load: same rows and controls (disabled), so the map above it
 * keeps its size when the real slider replaces it (a resize redraws the whole map).
 */
export function DateSliderSkeleton() {
  const lang = useAppStore((s) => s.lang);
  return (
    <div className="date-slider date-slider--skeleton" aria-hidden="true" data-testid="date-slider-skeleton">
      <div className="date-slider__row">
        <button type="button" className="button date-slider__play" disabled tabIndex={-1}>
          <span aria-hidden="true">▶</span> {translate(lang, 'slider.play')}
        </button>
        <span className="date-slider__label">{translate(lang, 'slider.label')}</span>
        <span className="date-slider__value">{translate(lang, 'app.loading')}</span>
        <button type="button" className="button button--quiet" disabled tabIndex={-1}>
          {translate(lang, 'slider.latest')}
        </button>
      </div>
      <div className="date-slider__track">
        <input type="range" disabled tabIndex={-1} min={0} max={1} value={1} readOnly />
        <div className="date-slider__ticks" />
        <div className="date-slider__ends">
          <span>{'\u00a0'}</span>
        </div>
      </div>
    </div>
  );
}

export function DateSlider() {
  const store = useAppStoreApi();
  const atlas = useAppStore((s) => s.atlas);
  const lang = useAppStore((s) => s.lang);
  const asOf = useAppStore(selectAsOfDate);
  const [playing, setPlaying] = useState(false);
  const timer = useRef<number | null>(null);

  const model = useMemo(() => {
    if (!atlas) return null;
    const range = timelineDateRange(atlas.projects);
    if (!range) return null;
    const sourceDates = [...atlas.sources.values()]
      .filter((s) => s.kind === 'seed' && s.date && /^\d{4}-\d{2}-\d{2}$/.test(s.date))
      .map((s) => s.date as string);
    const start = toDay(range.start);
    const end = toDay(range.end);
    const ticks = [...new Set([...milestoneDates(atlas.projects), ...sourceDates])]
      .map(toDay)
      .filter((d) => d >= start && d <= end)
      .sort((a, b) => a - b);
    return { start, end, ticks, seedDays: new Set(sourceDates.map(toDay)) };
  }, [atlas]);

  useEffect(() => {
    if (!playing || !model) return;
    timer.current = window.setInterval(() => {
      const current = toDay(selectAsOfDate(store.getState()) ?? toIso(model.end));
      const next = model.ticks.find((d) => d > current);
      if (next === undefined) {
        setPlaying(false);
        return;
      }
      store.getState().setAsOfDate(toIso(next));
    }, PLAY_STEP_MS);
    return () => {
      if (timer.current !== null) window.clearInterval(timer.current);
    };
  }, [playing, model, store]);

  const loading = useAppStore((s) => s.dataStatus === 'loading');
  if (!model || !asOf) return loading ? <DateSliderSkeleton /> : null;
  const value = Math.min(model.end, Math.max(model.start, toDay(asOf)));
  const span = Math.max(1, model.end - model.start);
  const label = translate(lang, 'slider.value', { date: formatDate(lang, toIso(value)) });

  const setDay = (day: number) => store.getState().setAsOfDate(day >= model.end ? null : toIso(day));
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
    e.preventDefault();
    const next =
      e.key === 'PageDown'
        ? model.ticks.find((d) => d > value)
        : [...model.ticks].reverse().find((d) => d < value);
    if (next !== undefined) setDay(next);
  };
  const togglePlay = () => {
    if (!playing && value >= model.end) store.getState().setAsOfDate(toIso(model.start));
    setPlaying(!playing);
  };

  return (
    <div className="date-slider">
      <div className="date-slider__row">
        <button type="button" className="button date-slider__play" onClick={togglePlay} aria-pressed={playing}>
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {translate(lang, playing ? 'slider.pause' : 'slider.play')}
        </button>
        <label className="date-slider__label" htmlFor="date-slider-input">
          {translate(lang, 'slider.label')}
        </label>
        <output className="date-slider__value" htmlFor="date-slider-input" aria-live="polite" data-testid="as-of-date">
          {label}
        </output>
        <button type="button" className="button button--quiet" onClick={() => store.getState().setAsOfDate(null)} disabled={value >= model.end}>
          {translate(lang, 'slider.latest')}
        </button>
      </div>
      <div className="date-slider__track">
        <input
          id="date-slider-input"
          type="range"
          min={model.start}
          max={model.end}
          step={1}
          value={value}
          aria-valuetext={label}
          onChange={(e) => setDay(Number(e.target.value))}
          onKeyDown={onKeyDown}
          data-testid="date-slider"
        />
        <div className="date-slider__ticks" aria-hidden="true" title={translate(lang, 'slider.ticks')}>
          {model.ticks.map((d) => (
            <span
              key={d}
              className={`date-slider__tick${model.seedDays.has(d) ? ' date-slider__tick--source' : ''}`}
              style={{ left: `${((d - model.start) / span) * 100}%` }}
            />
          ))}
        </div>
        <div className="date-slider__ends" aria-hidden="true">
          <span>{formatDate(lang, toIso(model.start))}</span>
          <span>{formatDate(lang, toIso(model.end))}</span>
        </div>
      </div>
    </div>
  );
}
