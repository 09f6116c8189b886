/**
 * The as-of date (issue 13 §6, issue 15 §7): a native range input over days from the first
 * record to TODAY (keyboard operable, announced with its date), an exact-date field beside it,
 * ticks at milestone dates and source-document dates, and Play.
 * PageUp/PageDown jump to the previous/next tick.
 *
 * Every date shown here is the date in force (`selectAsOfDate`), the same one the details, the
 * summary, the map and `cdmz:state` use. Play steps by week (by day over a short timeline) and
 * keeps one history entry for the play-through (store `playing`, see url-sync.ts); readers who
 * ask for reduced motion get discrete steps through the dated records instead.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { milestoneDates } from '../domain/status-on-date';
import { dayNumber, isoOfDay } from '../domain/state-intervals';
import { nextPlayDate, PLAY_STEP_MS, playMode } from '../domain/timeline-range';
import { formatDate } from '../i18n/format';
import { translate } from '../i18n/translate';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { selectAsOfDate, selectTimelineRange } from '../state/selectors';
import { parseIsoDate } from '../state/url-codec';

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

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

/** The exact-date field: any day of the timeline, typed or picked; out-of-range input is explained, not applied. */
function ExactDate({ value, start, end }: { value: string; start: string; end: string }) {
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const ids = { input: useId(), hint: useId(), error: useId() };
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // The field follows the date in force when it changes elsewhere (slider, Play, Back).
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
    setError(null);
  }
  const apply = (raw: string, final: boolean) => {
    setText(raw);
    const date = parseIsoDate(raw);
    if (!date) {
      // Chromium reports '' while a typed date is incomplete: say so only once the reader leaves.
      setError(final && raw !== value ? translate(lang, 'slider.incomplete') : null);
      return;
    }
    if (date < start || date > end) {
      setError(translate(lang, 'slider.outOfRange', { date: formatDate(lang, date), start: formatDate(lang, start), end: formatDate(lang, end) }));
      return;
    }
    setError(null);
    if (date !== value) store.getState().setAsOfDate(date);
  };
  return (
    <div className="date-slider__exact">
      <label htmlFor={ids.input}>{translate(lang, 'slider.exact')}</label>
      <input
        id={ids.input}
        type="date"
        className="date-slider__date"
        min={start}
        max={end}
        value={text}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${ids.error} ${ids.hint}` : ids.hint}
        onChange={(e) => apply(e.target.value, false)}
        onBlur={(e) => apply(e.target.value, true)}
        data-testid="date-exact"
      />
      <span id={ids.hint} className="visually-hidden">
        {translate(lang, 'slider.rangeHint', { start: formatDate(lang, start), end: formatDate(lang, end) })}
      </span>
      <span id={ids.error} className="date-slider__error" role="alert" data-testid="date-exact-error">
        {error ?? ''}
      </span>
    </div>
  );
}

export function DateSlider() {
  const store = useAppStoreApi();
  const atlas = useAppStore((s) => s.atlas);
  const lang = useAppStore((s) => s.lang);
  const asOf = useAppStore(selectAsOfDate);
  const range = useAppStore(selectTimelineRange);
  const explicit = useAppStore((s) => s.asOfDate);
  const playing = useAppStore((s) => s.playing);

  const model = useMemo(() => {
    if (!atlas || !range) return null;
    const sourceDates = [...atlas.sources.values()]
      .filter((s) => s.kind === 'seed' && s.date && /^\d{4}-\d{2}-\d{2}$/.test(s.date))
      .map((s) => s.date as string);
    const start = dayNumber(range.start);
    const end = dayNumber(range.end);
    const recordDays = milestoneDates(atlas.projects).map(dayNumber);
    const ticks = [...new Set([...recordDays, ...sourceDates.map(dayNumber)])].filter((d) => d >= start && d <= end).sort((a, b) => a - b);
    return { start, end, last: dayNumber(range.lastRecord), ticks, recordDays, seedDays: new Set(sourceDates.map(dayNumber)) };
  }, [atlas, range]);

  // Play: one step per interval while `playing`; stops at the end of the timeline.
  useEffect(() => {
    if (!playing || !model || !range) return;
    const mode = playMode(range, prefersReducedMotion());
    const timer = window.setInterval(() => {
      const current = selectAsOfDate(store.getState()) ?? range.end;
      const next = nextPlayDate(current, range, mode, model.recordDays);
      if (next === null) store.getState().setPlaying(false);
      else store.getState().setAsOfDate(next);
    }, PLAY_STEP_MS[mode]);
    return () => window.clearInterval(timer);
  }, [playing, model, range, store]);
  // Leaving the page's layout (unmount) ends a play-through.
  useEffect(() => () => store.getState().setPlaying(false), [store]);

  const loading = useAppStore((s) => s.dataStatus === 'loading');
  if (!model || !asOf || !range) return loading ? <DateSliderSkeleton /> : null;
  const value = dayNumber(asOf);
  const span = Math.max(1, model.end - model.start);
  const label = translate(lang, 'slider.value', { date: formatDate(lang, asOf) });
  const linkOutside = explicit !== null && explicit !== asOf;

  // The last record's day is the default ("latest"): a link made there keeps meaning "latest".
  const setDay = (day: number) => store.getState().setAsOfDate(day === model.last ? null : isoOfDay(day));
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
    e.preventDefault();
    const next = e.key === 'PageDown' ? model.ticks.find((d) => d > value) : [...model.ticks].reverse().find((d) => d < value);
    if (next !== undefined) setDay(next);
  };
  const togglePlay = () => {
    const s = store.getState();
    if (playing) {
      s.setPlaying(false);
      return;
    }
    // Playing first, then the restart: the whole play-through is one history entry. With no
    // record ahead (at or after the last record) Play starts again from the first one.
    s.setPlaying(true);
    if (value >= model.last) s.setAsOfDate(range.start);
  };

  return (
    <div className="date-slider">
      <div className="date-slider__row">
        <button type="button" className="button date-slider__play" onClick={togglePlay} aria-pressed={playing} data-testid="date-play">
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {translate(lang, playing ? 'slider.pause' : 'slider.play')}
        </button>
        <label className="date-slider__label" htmlFor="date-slider-input">
          {translate(lang, 'slider.label')}
        </label>
        <output className="date-slider__value" htmlFor="date-slider-input" aria-live={playing ? 'off' : 'polite'} data-testid="as-of-date" data-date={asOf}>
          {label}
        </output>
        <ExactDate value={asOf} start={range.start} end={range.end} />
        <button type="button" className="button button--quiet" onClick={() => store.getState().setAsOfDate(null)} disabled={explicit === null} data-testid="date-latest">
          {translate(lang, 'slider.latest')}
        </button>
      </div>
      {value > model.last || linkOutside ? (
        <p className="date-slider__note" data-testid="date-note">
          {linkOutside && explicit
            ? translate(lang, 'slider.clamped', { date: explicit, shown: formatDate(lang, asOf) })
            : translate(lang, 'slider.afterLast', { date: formatDate(lang, range.lastRecord) })}
        </p>
      ) : null}
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
          <span>{formatDate(lang, range.start)}</span>
          <span>
            {formatDate(lang, range.end)}
            {range.end !== range.lastRecord ? ` (${translate(lang, 'slider.today')})` : ''}
          </span>
        </div>
      </div>
    </div>
  );
}
