/**
 * A small summary of the matching projects: bars by status (on the date) and by category,
 * scaled with d3-scale and coloured from the theme like the map. Counts are written out, so
 * nothing is told by colour or length alone.
 */
import { scaleLinear } from 'd3-scale';
import { useId } from 'react';
import { formatDate } from '../i18n/format';
import { translate, type Lang } from '../i18n/translate';
import { selectAsOfDate, selectStatusSummary, selectVisibleCount } from '../state/selectors';
import { useAppStore } from '../state/store-context';
import { BASE_COLORS, CATEGORY_COLORS, STATUS_STYLE } from '../theme/palette';

interface Bar {
  key: string;
  label: string;
  count: number;
  color: string;
  opacity: number;
}

function Bars({ bars, title, testId }: { bars: Bar[]; title: string; testId: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const widthPct = scaleLinear().domain([0, max]).range([0, 100]);
  return (
    <div className="summary__block">
      <h3 className="summary__heading">{title}</h3>
      <ul className="summary__bars" data-testid={testId}>
        {bars.map((b) => (
          <li key={b.key} className="summary__row" data-key={b.key} data-count={b.count}>
            <span className="summary__label">{b.label}</span>
            <span className="summary__track" aria-hidden="true">
              <span className="summary__bar" style={{ width: `${widthPct(b.count)}%`, background: b.color, opacity: b.opacity }} />
            </span>
            <span className="summary__count">{b.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function StatusSummary() {
  const lang: Lang = useAppStore((s) => s.lang);
  const summary = useAppStore(selectStatusSummary);
  const n = useAppStore(selectVisibleCount);
  const asOfDate = useAppStore(selectAsOfDate);
  const id = useId();
  if (asOfDate === null) return null;
  const statusBars: Bar[] = summary.byStatus
    .filter((s) => s.status !== 'unknown' || s.count > 0)
    .map((s) => ({
      key: s.status,
      label: translate(lang, s.status === 'unknown' ? 'status.none' : `status.${s.status}`),
      count: s.count,
      color: BASE_COLORS.label,
      // The map tells status by how full a symbol is; the bar's strength follows the same scale.
      opacity: s.status === 'unknown' ? 0.15 : 0.25 + 0.75 * STATUS_STYLE[s.status].fill,
    }));
  const categoryBars: Bar[] = summary.byCategory.map((c) => ({
    key: c.category,
    label: translate(lang, `category.${c.category}`),
    count: c.count,
    color: CATEGORY_COLORS[c.category],
    opacity: 1,
  }));
  return (
    <section className="summary" aria-labelledby={`${id}-title`} data-testid="status-summary">
      <h2 id={`${id}-title`} className="summary__title">
        {translate(lang, 'summary.title')}
      </h2>
      <p className="summary__caption">{translate(lang, 'summary.caption', { n, date: formatDate(lang, asOfDate) })}</p>
      <Bars bars={statusBars} title={translate(lang, 'summary.byStatus')} testId="summary-status" />
      <Bars bars={categoryBars} title={translate(lang, 'summary.byCategory')} testId="summary-category" />
    </section>
  );
}
