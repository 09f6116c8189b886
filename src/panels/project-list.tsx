/**
 * The matching projects, in sync with the map both ways through the store's selection slice:
 * hovering or focusing an item highlights it on the map, choosing it selects it (the map flies
 * there); a hover or selection made on the map is highlighted here and scrolled into view.
 * Sortable by name, status, progress, and — with a corridor chosen — distance and chainage.
 * Projects without a published location are listed and marked. Real buttons throughout; the
 * arrow keys, Home/End and PageUp/PageDown move between them.
 *
 * Long lists are windowed (issue 12 §5): above WINDOW_ABOVE projects only the rows in and near
 * the panel's scrolled view are in the DOM (`windowRange`), each `<li>` telling its place with
 * `aria-posinset`/`aria-setsize`, so a change costs a bounded number of rows at any count. Up to
 * that, every row is rendered — also in the prerendered page, where a row without script shows
 * the status's source (a `<noscript>` link).
 */
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { effectiveSort, SORT_KEYS, type ProjectSort, type SortKey } from '../domain/sort-projects';
import { corridorChainageKm, corridorDistanceKm } from '../domain/filter-projects';
import type { Project, ProjectAnalysis, Source } from '../domain/types';
import { formatNumber } from '../i18n/format';
import { translate, type Lang } from '../i18n/translate';
import { stateOn } from '../domain/state-intervals';
import { selectAsOfDate, selectSortedVisibleProjects } from '../state/selectors';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { BASE_COLORS } from '../theme/palette';
import { SymbolSwatch } from '../ui/symbol-swatch';
import './project-list.css';

const NEEDS_CORRIDOR: ReadonlySet<SortKey> = new Set<SortKey>(['distance', 'chainage']);

interface ItemProps {
  project: Project;
  /** Position in the whole list (1-based) and its length, for assistive technology. */
  pos: number;
  size: number;
  sources: ReadonlyMap<string, Source>;
  lang: Lang;
  asOfDate: string;
  corridorId: string | null;
  analysis: ReadonlyMap<string, ProjectAnalysis>;
  selected: boolean;
  hovered: boolean;
}

/** The source of the status shown, for readers without script (the detail panel needs it). */
function StatusSource({ source, lang }: { source: Source | undefined; lang: Lang }) {
  if (!source) return null;
  const text = `${lang === 'zh' ? source.publisher_zh : source.publisher_en} · ${source.title}${source.date ? ` (${source.date})` : ''}`;
  return (
    <noscript>
      <p className="project-list__source">
        {translate(lang, 'list.source')}
        {source.url ? (
          <a href={source.url} rel="noopener noreferrer">
            {text}
          </a>
        ) : (
          text
        )}
      </p>
    </noscript>
  );
}

const ProjectItem = memo(function ProjectItem({ project, pos, size, sources, lang, asOfDate, corridorId, analysis, selected, hovered }: ItemProps) {
  const store = useAppStoreApi();
  const state = stateOn(project, asOfDate);
  const distanceKm = corridorId === null ? null : corridorDistanceKm(analysis, project.id, corridorId);
  const chainageKm = corridorId === null ? null : corridorChainageKm(analysis, project.id, corridorId);
  const name = lang === 'zh' ? project.name_zh : project.name_en;
  const otherName = lang === 'zh' ? project.name_en : project.name_zh;
  return (
    <li className="project-list__row" aria-posinset={pos} aria-setsize={size}>
      <button
        type="button"
        className={`project-list__item${hovered ? ' project-list__item--hovered' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-project-id={project.id}
        data-index={pos - 1}
        onClick={() => store.getState().select(project.id)}
        onMouseEnter={() => store.getState().hover(project.id)}
        onMouseLeave={() => store.getState().hover(null)}
        onFocus={() => store.getState().hover(project.id)}
        onBlur={() => store.getState().hover(null)}
      >
        <SymbolSwatch category={project.category} status={state.status} sizePx={18} />
        <span className="project-list__text">
          <span className="project-list__name">{name}</span>
          <span className="project-list__alt" lang={lang === 'zh' ? 'en' : 'zh'}>
            {otherName}
          </span>
          <span className="project-list__meta">
            <span className="project-list__status" data-status={state.status ?? 'none'}>
              {state.status ? translate(lang, `status.${state.status}`) : translate(lang, 'status.none')}
            </span>
            {state.progress !== null ? <span>{translate(lang, 'list.progress', { pct: formatNumber(lang, state.progress) })}</span> : null}
            {distanceKm !== null ? <span>{translate(lang, 'list.distance', { km: formatNumber(lang, distanceKm) })}</span> : null}
            {chainageKm !== null ? <span>{translate(lang, 'list.chainage', { km: formatNumber(lang, chainageKm) })}</span> : null}
            {project.geometry === null ? (
              <span className="project-list__no-location" data-testid="no-location">
                {translate(lang, 'list.noLocation')}
              </span>
            ) : null}
          </span>
        </span>
      </button>
      {state.basis ? <StatusSource source={sources.get(state.basis.source)} lang={lang} /> : null}
    </li>
  );
});

function SortControls({ lang, sort, corridorId }: { lang: Lang; sort: ProjectSort; corridorId: string | null }) {
  const store = useAppStoreApi();
  const id = useId();
  const key = effectiveSort(sort, corridorId).key;
  return (
    <div className="project-list__sort">
      <label htmlFor={`${id}-sort`}>{translate(lang, 'list.sortBy')}</label>
      <select
        id={`${id}-sort`}
        className="project-list__select"
        value={key}
        onChange={(e) => store.getState().setListSort({ key: e.target.value as SortKey, direction: sort.direction })}
        aria-describedby={corridorId === null ? `${id}-hint` : undefined}
        data-testid="list-sort"
      >
        {SORT_KEYS.map((k) => (
          <option key={k} value={k} disabled={NEEDS_CORRIDOR.has(k) && corridorId === null}>
            {translate(lang, `list.sort.${k}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button project-list__direction"
        onClick={() => store.getState().setListSort({ key, direction: sort.direction === 'asc' ? 'desc' : 'asc' })}
        aria-label={`${translate(lang, 'list.sortBy')}: ${translate(lang, sort.direction === 'asc' ? 'list.sortAsc' : 'list.sortDesc')}`}
        data-testid="list-sort-direction"
        data-direction={sort.direction}
      >
        <span aria-hidden="true">{sort.direction === 'asc' ? '↑' : '↓'}</span>
      </button>
      {corridorId === null ? (
        <p id={`${id}-hint`} className="project-list__hint">
          {translate(lang, 'list.sortNeedsCorridor')}
        </p>
      ) : null}
    </div>
  );
}

/** Up to this many projects every row is rendered (and prerendered); above, the list is windowed. */
export const WINDOW_ABOVE = 300;
/** Rows rendered beyond each edge of the scrolled view. */
const OVERSCAN = 8;

/**
 * The rows [first, last) of a list of `count` rows of height `rowPx` (gap included) that starts
 * `listTop` px into a scroller scrolled to `scrollTop` with a view `viewPx` high, plus `overscan`
 * rows each side; always includes `keep` (a row that must stay rendered, e.g. the focused one).
 * @example windowRange({ count: 10000, rowPx: 60, listTop: 400, scrollTop: 0, viewPx: 800, overscan: 8, keep: null }) // { first: 0, last: 15 }
 */
export function windowRange(o: { count: number; rowPx: number; listTop: number; scrollTop: number; viewPx: number; overscan: number; keep: number | null }): { first: number; last: number } {
  const row = Math.max(1, o.rowPx);
  let first = Math.floor((o.scrollTop - o.listTop) / row) - o.overscan;
  let last = Math.ceil((o.scrollTop + o.viewPx - o.listTop) / row) + o.overscan;
  first = Math.max(0, Math.min(o.count, first));
  last = Math.max(first, Math.min(o.count, last));
  if (o.keep !== null && o.keep >= 0 && o.keep < o.count) {
    first = Math.min(first, o.keep);
    last = Math.max(last, o.keep + 1);
  }
  return { first, last };
}

/** The nearest ancestor that scrolls vertically (the side panel or the phone's sheet). */
function scrollerOf(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const oy = getComputedStyle(p).overflowY;
    if (oy === 'auto' || oy === 'scroll') return p;
  }
  return document.scrollingElement as HTMLElement;
}

/** Index of the row the keys move focus to, or null for keys the list does not handle. */
function keyTarget(key: string, from: number, count: number, pageRows: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, from + 1);
    case 'ArrowUp':
      return Math.max(0, from - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, from + pageRows);
    case 'PageUp':
      return Math.max(0, from - pageRows);
    default:
      return null;
  }
}

export function ProjectList() {
  const lang = useAppStore((s) => s.lang);
  const projects = useAppStore(selectSortedVisibleProjects);
  const asOfDate = useAppStore(selectAsOfDate);
  const analysis = useAppStore((s) => s.atlas?.analysis);
  const sources = useAppStore((s) => s.atlas?.sources);
  const corridorId = useAppStore((s) => s.filters.corridorId);
  const sort = useAppStore((s) => s.listSort);
  const selectedId = useAppStore((s) => s.selectedId);
  const hoveredId = useAppStore((s) => s.hoveredId);
  const listRef = useRef<HTMLUListElement>(null);
  const id = useId();
  const count = projects.length;
  const windowed = count > WINDOW_ABOVE;

  // Windowing: the scrolled view (in list coordinates) and the measured row height.
  const [view, setView] = useState({ scrollTop: 0, viewPx: 1200, listTop: 0 });
  const [rowPx, setRowPx] = useState(64);
  /**
   * A row asked for (keyboard: to focus; selection: to bring into view) that may not be rendered
   * yet: the window includes it until the next scroll (the one that brings it into view).
   */
  const [keep, setKeep] = useState<number | null>(null);
  const focusKept = useRef(false);

  const measure = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const scroller = scrollerOf(list);
    const listTop = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    setView((v) => (v.scrollTop === scroller.scrollTop && v.viewPx === scroller.clientHeight && v.listTop === listTop ? v : { scrollTop: scroller.scrollTop, viewPx: scroller.clientHeight, listTop }));
    // Row height: the rendered rows' span over their count (the grid gap included).
    const rows = list.children;
    if (rows.length >= 2) {
      const a = (rows[0] as HTMLElement).getBoundingClientRect();
      const b = (rows[rows.length - 1] as HTMLElement).getBoundingClientRect();
      const px = (b.top - a.top) / (rows.length - 1);
      if (px > 0) setRowPx((old) => (Math.abs(old - px) > 0.5 ? px : old));
    }
  }, []);

  useEffect(() => {
    if (!windowed || !listRef.current) return;
    const scroller = scrollerOf(listRef.current);
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        measure();
        // A row kept rendered has been scrolled to (or away from): follow the scrolling again.
        setKeep(null);
      });
    };
    measure();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [windowed, measure]);

  const { first, last } = windowed
    ? windowRange({ count, rowPx, listTop: view.listTop, scrollTop: view.scrollTop, viewPx: view.viewPx, overscan: OVERSCAN, keep })
    : { first: 0, last: count };

  // The row asked for is rendered now: bring it into view (and focus it), then let go of it.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || keep === null) return;
    const el = list.querySelector<HTMLElement>(`[data-index="${keep}"]`);
    if (el) {
      if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
      if (focusKept.current) el.focus();
    }
    focusKept.current = false;
  }, [keep]);

  // A selection made on the map: bring it into view in the list (without stealing focus). Not the
  // selection the list mounts with (from a shared link): the detail panel above shows that one.
  const mountedSelection = useRef(selectedId);
  useEffect(() => {
    if (selectedId === mountedSelection.current) return;
    mountedSelection.current = null;
    if (selectedId === null) return;
    const index = projects.findIndex((p) => p.id === selectedId);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the row must be rendered before it can scroll into view
    if (index >= 0) setKeep(index);
    // Only a new selection moves the list, not a re-sort.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const from = Number((e.target as HTMLElement).dataset.index);
    if (!Number.isInteger(from)) return;
    const to = keyTarget(e.key, from, count, Math.max(1, Math.floor(view.viewPx / rowPx) - 1));
    if (to === null || to === from) return;
    e.preventDefault();
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${to}"]`);
    if (el) {
      el.focus();
      if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
      return;
    }
    focusKept.current = true;
    setKeep(to);
  };

  if (!analysis || !sources || asOfDate === null) return null;
  const padding = windowed ? { paddingTop: first * rowPx, paddingBottom: Math.max(0, (count - last) * rowPx) } : undefined;
  return (
    <section
      className="project-list"
      aria-labelledby={`${id}-title`}
      data-testid="project-list"
      // Hover and selection colours come from the theme, the same as on the map.
      style={{ '--list-hover': BASE_COLORS.hover, '--list-selection': BASE_COLORS.selection } as CSSProperties}
    >
      <div className="project-list__head">
        <h2 id={`${id}-title`} className="project-list__title">
          {translate(lang, 'list.title')} <span className="project-list__count">({translate(lang, 'list.count', { n: count })})</span>
        </h2>
        <SortControls lang={lang} sort={sort} corridorId={corridorId} />
      </div>
      {count === 0 ? (
        <p className="project-list__empty">{translate(lang, 'list.empty')}</p>
      ) : (
        <ul ref={listRef} className="project-list__items" style={padding} onKeyDown={onKeyDown} data-windowed={windowed || undefined}>
          {projects.slice(first, last).map((p, i) => (
            <ProjectItem
              key={p.id}
              project={p}
              pos={first + i + 1}
              size={count}
              sources={sources}
              lang={lang}
              asOfDate={asOfDate}
              corridorId={corridorId}
              analysis={analysis}
              selected={p.id === selectedId}
              hovered={p.id === hoveredId}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
