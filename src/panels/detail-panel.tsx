/**
 * The selected project: names, category, status and progress on the date, component figures,
 * key facts, targets, the full timeline with quotes and source links, geometry accuracy,
 * corridor distances and junction zones. A full non-map alternative to the map's symbols.
 */
import type { Atlas, KeyFact, Milestone, Project, ProjectState, Source } from '../domain/types';
import { milestoneDateLabel } from '../domain/status-on-date';
import { stateOn, type DatedState } from '../domain/state-intervals';
import { httpUrlOrNull } from '../domain/http-url';
import { formatDate, formatNumber } from '../i18n/format';
import { translate, type Lang } from '../i18n/translate';
import { selectAsOfDate, selectSelectedProject } from '../state/selectors';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { SymbolSwatch } from '../ui/symbol-swatch';

function SourceLink({ source, id, lang }: { source: Source | undefined; id: string; lang: Lang }) {
  if (!source) return <span className="source source--unknown">{id}</span>;
  const publisher = lang === 'zh' ? source.publisher_zh : source.publisher_en;
  const text = `${publisher} · ${source.title}${source.date ? ` (${source.date})` : ''}`;
  // Defence in depth: the validator already refuses non-http(s) URLs; never render one as a link.
  const href = httpUrlOrNull(source.url);
  return href ? (
    <a className="source" href={href} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    <span className="source">{text}</span>
  );
}

function StatusLine({ project, state, lang, asOf }: { project: Project; state: DatedState; lang: Lang; asOf: string }) {
  return (
    <div className="detail__status" data-testid="detail-status" data-status={state.status ?? 'none'}>
      <SymbolSwatch category={project.category} status={state.status} sizePx={22} />
      <div>
        <div className="detail__status-label">{translate(lang, 'detail.statusOn', { date: formatDate(lang, asOf) })}</div>
        <strong>{state.status ? translate(lang, `status.${state.status}`) : translate(lang, 'detail.notYet')}</strong>
        {state.status ? (
          <div className="detail__progress" data-testid="detail-progress">
            {state.progress !== null
              ? `${translate(lang, 'detail.progress')}: ${formatNumber(lang, state.progress)} %`
              : translate(lang, 'detail.progressUnknown')}
          </div>
        ) : null}
        {state.status ? <Freshness state={state} lang={lang} /> : null}
      </div>
    </div>
  );
}

/** When a report last confirmed the status, and whether that is over 12 months ago (contract 2). */
function Freshness({ state, lang }: { state: DatedState; lang: Lang }) {
  if (state.last_observed === null) {
    return (
      <div className="detail__freshness" data-testid="detail-freshness" data-stale="false">
        {translate(lang, 'detail.neverReported')}
      </div>
    );
  }
  return (
    <div className={`detail__freshness${state.stale ? ' detail__freshness--stale' : ''}`} data-testid="detail-freshness" data-stale={String(state.stale)}>
      {translate(lang, 'detail.lastReported', { date: formatDate(lang, state.last_observed) })}
      {state.stale ? <strong> — {translate(lang, 'detail.stale')}</strong> : null}
    </div>
  );
}

function Quote({ text }: { text: string }) {
  return (
    <blockquote lang="zh" className="timeline__quote">
      「{text}」
    </blockquote>
  );
}

function Fact({ f, atlas, lang }: { f: KeyFact; atlas: Atlas; lang: Lang }) {
  return (
    <div className="detail__fact" data-fact={f.key}>
      <dt>{lang === 'zh' ? f.label_zh : f.label_en}</dt>
      <dd>
        {typeof f.value === 'number' ? formatNumber(lang, f.value, 2) : f.value}
        {f.unit ? ` ${f.unit}` : ''}
        {f.note ? <span className="detail__note"> ({f.note})</span> : null}
        <Quote text={f.quote} />
        <div className="detail__fact-source">
          {translate(lang, 'detail.source')}: <SourceLink source={atlas.sources.get(f.source)} id={f.source} lang={lang} />
        </div>
      </dd>
    </div>
  );
}

/** What a milestone says: an observation's status (and progress); a plan item's aim, never a status. */
function MilestoneClaim({ m, lang }: { m: Milestone; lang: Lang }) {
  if (m.evidence !== 'plan') {
    return (
      <>
        <span className="timeline__status">{translate(lang, `status.${m.status}`)}</span>
        {m.progress !== null ? <span> · {formatNumber(lang, m.progress)} %</span> : null}
      </>
    );
  }
  const aim =
    m.aims_for === undefined
      ? translate(lang, 'detail.aimsNothing')
      : m.target_date
        ? translate(lang, 'detail.aimsForBy', { status: translate(lang, `status.${m.aims_for}`), date: m.target_date })
        : translate(lang, 'detail.aimsFor', { status: translate(lang, `status.${m.aims_for}`) });
  return <span className="timeline__aim">{aim}</span>;
}

function Components({ state, lang }: { state: ProjectState; lang: Lang }) {
  if (!state.components.length) return null;
  return (
    <section className="detail__section" data-testid="detail-components">
      <h3>
        {translate(lang, 'detail.components')}
        {state.components_as_of ? ` (${formatDate(lang, state.components_as_of)})` : ''}
      </h3>
      <ul>
        {state.components.map((c) => (
          <li key={c.name_en}>
            {lang === 'zh' ? c.name_zh : c.name_en}: {c.pct_is_lower_bound ? '> ' : ''}
            {formatNumber(lang, c.pct)} %
          </li>
        ))}
      </ul>
      <p className="detail__note">{translate(lang, 'detail.componentsNote')}</p>
    </section>
  );
}

function TimelineEntry({ m, atlas, lang, current }: { m: Milestone; atlas: Atlas; lang: Lang; current: boolean }) {
  return (
    <li className={`timeline__item timeline__item--${m.evidence}${current ? ' timeline__item--current' : ''}`}>
      <div className="timeline__head">
        <time dateTime={m.date}>{formatDate(lang, milestoneDateLabel(m))}</time>
        <MilestoneClaim m={m} lang={lang} />
        <span className={`badge badge--${m.evidence}`}>{translate(lang, `evidence.${m.evidence}`)}</span>
      </div>
      <p>{lang === 'zh' ? m.note_zh : m.note_en}</p>
      {m.section ? <p className="detail__note">{m.section}</p> : null}
      {m.evidence !== 'plan' && m.components?.length ? (
        <p className="detail__note">
          {m.components.map((c) => `${lang === 'zh' ? c.name_zh : c.name_en} ${c.pct_is_lower_bound ? '> ' : ''}${formatNumber(lang, c.pct)} %`).join(' · ')}
        </p>
      ) : null}
      {m.evidence === 'plan' ? <p className="detail__note">{translate(lang, 'detail.planNote')}</p> : null}
      <Quote text={m.quote_clean ?? m.quote} />
      <div className="timeline__source">
        {translate(lang, 'detail.source')}: <SourceLink source={atlas.sources.get(m.source)} id={m.source} lang={lang} />
      </div>
    </li>
  );
}

function CorridorRelations({ project, atlas, lang }: { project: Project; atlas: Atlas; lang: Lang }) {
  const a = atlas.analysis.get(project.id);
  if (!project.geometry || !a) return null;
  const zones = atlas.zones.filter((z) => a.zones.includes(z.id));
  return (
    <>
      <section className="detail__section" data-testid="detail-corridors">
        <h3>{translate(lang, 'detail.corridors')}</h3>
        <table className="detail__table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{translate(lang, 'filters.corridor')}</span>
              </th>
              <th scope="col">{translate(lang, 'detail.distance')}</th>
              <th scope="col">{translate(lang, 'detail.chainage')}</th>
            </tr>
          </thead>
          <tbody>
            {atlas.corridors.map((c) => {
              const d = a.distances_km[c.id];
              const ch = a.chainage_km[c.id];
              return (
                <tr key={c.id} data-corridor={c.id}>
                  <th scope="row">{lang === 'zh' ? c.name_zh : c.name_en}</th>
                  <td>{d === undefined ? '–' : translate(lang, 'detail.km', { km: formatNumber(lang, d, 2) })}</td>
                  <td>{ch === undefined ? '–' : translate(lang, 'detail.km', { km: formatNumber(lang, ch, 1) })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="detail__section" data-testid="detail-zones">
        <h3>{translate(lang, 'detail.zones')}</h3>
        {zones.length ? (
          <ul>
            {zones.map((z) => (
              <li key={z.id} data-zone={z.id} data-outline={z.outline}>
                {lang === 'zh' ? z.name_zh : z.name_en}
                {z.outline === 'modelled' ? <span className="detail__note"> — {translate(lang, 'detail.zoneModelled')}</span> : null}
                {z.published_area ? (
                  <div className="detail__note">
                    {translate(lang, 'detail.zonePublishedArea', { km2: formatNumber(lang, z.published_area.km2), what: z.published_area.what })}{' '}
                    {httpUrlOrNull(z.published_area.url) ? (
                      <a className="source" href={httpUrlOrNull(z.published_area.url) ?? undefined} target="_blank" rel="noopener noreferrer">
                        {z.published_area.published}
                      </a>
                    ) : (
                      <span className="source">{z.published_area.published}</span>
                    )}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{translate(lang, 'detail.noZones')}</p>
        )}
      </section>
    </>
  );
}

export function DetailPanel() {
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const atlas = useAppStore((s) => s.atlas);
  const project = useAppStore(selectSelectedProject);
  const asOf = useAppStore(selectAsOfDate);
  if (!atlas || !project || !asOf) return null;
  const state = stateOn(project, asOf);
  const name = lang === 'zh' ? project.name_zh : project.name_en;
  const otherName = lang === 'zh' ? project.name_en : project.name_zh;
  const confirmed = state.basis;
  const confirmedSource = confirmed ? atlas.sources.get(confirmed.source) : undefined;
  const countyName = (code: string) => atlas.counties?.get(code)?.[lang === 'zh' ? 'name_zh' : 'name_en'] ?? code;

  return (
    <article className="detail" aria-labelledby="detail-title" data-testid="detail-panel" data-project={project.id}>
      <header className="detail__header">
        <h2 id="detail-title">{name}</h2>
        <button type="button" className="button button--quiet detail__close" onClick={() => store.getState().select(null)} aria-label={translate(lang, 'detail.close')}>
          ×
        </button>
      </header>
      <p className="detail__alt-name" lang={lang === 'zh' ? 'en' : 'zh'}>
        {otherName}
      </p>
      {project.aliases.length ? <p className="detail__note" lang="zh">{project.aliases.join(' · ')}</p> : null}
      <StatusLine project={project} state={state} lang={lang} asOf={asOf} />
      {confirmed ? (
        <p className="detail__confirmed">
          {translate(lang, confirmed.evidence === 'plan' ? 'detail.planBasis' : 'detail.lastConfirmed', {
            date: formatDate(lang, milestoneDateLabel(confirmed)),
            source: confirmedSource ? (lang === 'zh' ? confirmedSource.publisher_zh : confirmedSource.publisher_en) : confirmed.source,
          })}
        </p>
      ) : null}
      <Components state={state} lang={lang} />
      <dl className="detail__meta">
        <dt>{translate(lang, 'detail.category')}</dt>
        <dd>{translate(lang, `category.${project.category}`)}</dd>
        <dt>{translate(lang, 'detail.cities')}</dt>
        <dd>{project.cities.map((c) => translate(lang, `city.${c}`)).join(lang === 'zh' ? '、' : ', ')}</dd>
        {project.counties.length ? (
          <>
            <dt>{translate(lang, 'detail.counties')}</dt>
            <dd>{project.counties.map(countyName).join(lang === 'zh' ? '、' : ', ')}</dd>
          </>
        ) : null}
        <dt>{translate(lang, 'detail.accuracy')}</dt>
        <dd data-testid="detail-accuracy">
          {project.geometry_accuracy ? translate(lang, `accuracy.${project.geometry_accuracy}`) : translate(lang, 'detail.noLocation')}
          {project.geometry_accuracy === 'schematic' ? <div className="detail__note">{translate(lang, 'detail.schematicNote')}</div> : null}
          {project.geometry_note ? <div className="detail__note">{project.geometry_note}</div> : null}
        </dd>
        {project.geometry_licence ? (
          <>
            <dt>{translate(lang, 'detail.geometryLicence')}</dt>
            <dd>{project.geometry_licence}</dd>
          </>
        ) : null}
      </dl>
      {project.facts.length ? (
        <section className="detail__section" data-testid="detail-facts">
          <h3>{translate(lang, 'detail.facts')}</h3>
          <dl className="detail__facts">
            {project.facts.map((f) => (
              <Fact key={f.key} f={f} atlas={atlas} lang={lang} />
            ))}
          </dl>
        </section>
      ) : null}
      {project.targets.length ? (
        <section className="detail__section">
          <h3>{translate(lang, 'detail.targets')}</h3>
          <ul>
            {project.targets.map((t, i) => (
              <li key={i}>
                <strong>{t.date}</strong> {translate(lang, `status.${t.status}`)} — {lang === 'zh' ? t.note_zh : t.note_en}{' '}
                <span className="detail__fact-source">
                  <SourceLink source={atlas.sources.get(t.source)} id={t.source} lang={lang} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <CorridorRelations project={project} atlas={atlas} lang={lang} />
      <section className="detail__section">
        <h3>{translate(lang, 'detail.timeline')}</h3>
        <ol className="timeline" data-testid="detail-timeline">
          {project.milestones.map((m, i) => (
            <TimelineEntry key={i} m={m} atlas={atlas} lang={lang} current={m === state.basis} />
          ))}
        </ol>
      </section>
    </article>
  );
}
