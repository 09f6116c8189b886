/**
 * What the exported picture says besides the map (issue 6 §4): title, as-of date, a note when
 * filters are on, the legend and the sources — in the reader's language, from the same
 * catalogs, palette and symbols as the on-screen legend.
 */
import { CATEGORIES, STATUSES, type Category } from '../domain/types';
import { formatDate, formatNumber } from '../i18n/format';
import { translate } from '../i18n/translate';
import { pictureFileName, type PictureLegendSection, type PictureScale, type PictureSpec } from '../map/export-picture';
import type { AppState } from '../state/app-state';
import { selectAsOfDate, selectTotalCount, selectVisibleProjects } from '../state/selectors';
import { BASE_COLORS } from '../theme/palette';

/** Categories drawn in the picture's legend: those of the visible projects (all when none are). */
function legendCategories(state: AppState): Category[] {
  const present = new Set(selectVisibleProjects(state).map((p) => p.category));
  return present.size === 0 ? [...CATEGORIES] : CATEGORIES.filter((c) => present.has(c));
}

/**
 * Builds the picture spec for the store's current state.
 * @example buildPictureSpec(store.getState(), 2).fileName // "cdmz-atlas-2024-12-31@2x.png"
 */
export function buildPictureSpec(state: AppState, scale: PictureScale): PictureSpec {
  const { lang } = state;
  const asOf = selectAsOfDate(state);
  const visible = selectVisibleProjects(state).length;
  const total = selectTotalCount(state);
  const legend: PictureLegendSection[] = [
    {
      heading: translate(lang, 'legend.categories'),
      entries: legendCategories(state).map((category) => ({ kind: 'symbol', category, status: 'complete', label: translate(lang, `category.${category}`) })),
    },
    {
      heading: translate(lang, 'legend.statuses'),
      entries: STATUSES.map((status) => ({ kind: 'symbol', category: 'platform', status, label: translate(lang, `status.${status}`) })),
    },
    {
      heading: translate(lang, 'legend.title'),
      entries: [
        { kind: 'line', color: BASE_COLORS.corridor, dash: [1.5, 1], widthPx: 2, label: translate(lang, 'legend.corridor') },
        { kind: 'area', fill: BASE_COLORS.zoneFill, stroke: BASE_COLORS.zoneLine, label: translate(lang, 'legend.zone') },
      ],
    },
  ];
  return {
    scale,
    title: translate(lang, 'app.title'),
    dateLabel: asOf ? translate(lang, 'slider.value', { date: formatDate(lang, asOf) }) : '',
    note: state.atlas && visible < total ? translate(lang, 'picture.filtered', { n: formatNumber(lang, visible, 0) }) : null,
    legend,
    sources: `${translate(lang, 'embed.sources')} · ${translate(lang, 'embed.attribution')}`,
    fileName: pictureFileName(asOf, scale),
  };
}
