/**
 * The matching projects, in sync with the map both ways through the store's selection slice:
 * hovering or focusing an item highlights it on the map, choosing it selects it (the map flies
 * there); a hover or selection made on the map is highlighted here and scrolled into view.
 * Sortable by name, status, progress, and — with a corridor chosen — distance and chainage.
 * Projects without a published location are listed and marked. Real buttons throughout.
 */
import { memo, useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { effectiveSort, SORT_KEYS, type ProjectSort, type SortKey } from '../domain/sort-projects';
import { corridorChainageKm, corridorDistanceKm } from '../domain/filter-projects';
import type { Project, ProjectAnalysis } from '../domain/types';
import { formatNumber } from '../i18n/format';
import { translate, type Lang } from '../i18n/translate';
import { projectStateCached, selectAsOfDate, selectSortedVisibleProjects } from '../state/selectors';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { BASE_COLORS } from '../theme/palette';
import { SymbolSwatch } from '../ui/symbol-swatch';
import './project-list.css';

const NEEDS_CORRIDOR: ReadonlySet<SortKey> = new Set<SortKey>(['distance', 'chainage']);

interface ItemProps {
  project: Project;
  lang: Lang;
  asOfDate: string;
  corridorId: string | null;
  analysis: ReadonlyMap<string, ProjectAnalysis>;
  selected: boolean;
  hovered: boolean;
}

const ProjectItem = memo(function ProjectItem({ project, lang, asOfDate, corridorId, analysis, selected, hovered }: ItemProps) {
  const store = useAppStoreApi();
  const state = projectStateCached(project, asOfDate);
  const distanceKm = corridorId === null ? null : corridorDistanceKm(analysis, project.id, corridorId);
  const chainageKm = corridorId === null ? null : corridorChainageKm(analysis, project.id, corridorId);
  const name = lang === 'zh' ? project.name_zh : project.name_en;
  const otherName = lang === 'zh' ? project.name_en : project.name_zh;
  return (
    <li className="project-list__row">
      <button
        type="button"
        className={`project-list__item${hovered ? ' project-list__item--hovered' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-project-id={project.id}
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

/** Rows rendered per page of the list. */
export const LIST_PAGE_SIZE = 200;

/** The first `limit` projects, plus the selected one when it is further down. */
export function shownProjects<T extends { id: string }>(projects: readonly T[], limit: number, selectedId: string | null): readonly T[] {
  if (projects.length <= limit) return projects;
  const head = projects.slice(0, limit);
  const selected = selectedId === null ? undefined : projects.find((p, i) => i >= limit && p.id === selectedId);
  return selected ? [...head, selected] : head;
}

export function ProjectList() {
  const lang = useAppStore((s) => s.lang);
  const projects = useAppStore(selectSortedVisibleProjects);
  const asOfDate = useAppStore(selectAsOfDate);
  const analysis = useAppStore((s) => s.atlas?.analysis);
  const corridorId = useAppStore((s) => s.filters.corridorId);
  const sort = useAppStore((s) => s.listSort);
  const selectedId = useAppStore((s) => s.selectedId);
  const hoveredId = useAppStore((s) => s.hoveredId);
  const listRef = useRef<HTMLUListElement>(null);
  const id = useId();
  // Long lists (thousands of projects) render in pages, so a filter or date change re-renders a
  // bounded number of rows; the selected project is always rendered.
  const [limit, setLimit] = useState(LIST_PAGE_SIZE);

  // A selection made on the map: bring it into view in the list (without stealing focus). Not the
  // selection the list mounts with (from a shared link): the detail panel above shows that one.
  const mountedSelection = useRef(selectedId);
  useEffect(() => {
    if (selectedId === mountedSelection.current) return;
    mountedSelection.current = null;
    if (selectedId === null || !listRef.current) return;
    const el = [...listRef.current.querySelectorAll<HTMLElement>('[data-project-id]')].find((e) => e.dataset.projectId === selectedId);
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  if (!analysis || asOfDate === null) return null;
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
          {translate(lang, 'list.title')} <span className="project-list__count">({translate(lang, 'list.count', { n: projects.length })})</span>
        </h2>
        <SortControls lang={lang} sort={sort} corridorId={corridorId} />
      </div>
      {projects.length === 0 ? (
        <p className="project-list__empty">{translate(lang, 'list.empty')}</p>
      ) : (
        <ul ref={listRef} className="project-list__items">
          {shownProjects(projects, limit, selectedId).map((p) => (
            <ProjectItem
              key={p.id}
              project={p}
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
      {projects.length > limit ? (
        <button type="button" className="button project-list__more" onClick={() => setLimit(limit + LIST_PAGE_SIZE)}>
          {translate(lang, 'list.more', { n: Math.min(LIST_PAGE_SIZE, projects.length - limit), total: projects.length })}
        </button>
      ) : null}
    </section>
  );
}
