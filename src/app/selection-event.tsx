/**
 * Selection is a visible event (issue 13 §1, panel side; contract 6). Whatever selects a project
 * (a list row, a map symbol, search, a permalink `?sel=`, `cdmz:set`), the store's `selectedId`
 * changes and this module:
 * - scrolls the panel (the side panel; on phones the bottom sheet) so the details' TOP is in view,
 *   below the sheet's sticky handle, smoothly unless the reader asks for reduced motion;
 * - moves focus to the details' heading (`tabindex=-1`, `preventScroll`, then the explicit
 *   scroll) — except for the selection a page opens with (a permalink): that one is scrolled into
 *   view but focus is left where the browser puts it;
 * - announces "<name>, <status on the date>" in a polite live region.
 * Back and Forward (the history entries url-sync.ts writes) return to where the reader was: the
 * panel's scroll position saved when the reader left that view is restored, and focus goes to the
 * details' heading, or — when the details closed — to the list row of the project that was open.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { stateOn } from '../domain/state-intervals';
import { translate } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import { selectAsOfDate, selectSelectedProject, selectUrlState } from '../state/selectors';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { serializeUrlState } from '../state/url-codec';

/** How long to wait for the details (their code loads on the first selection). */
const DETAILS_WAIT_MS = 8000;
/** Space kept above the details' top when scrolled to. */
const TOP_GAP_PX = 8;

const viewKey = (state: AppState) => serializeUrlState(selectUrlState(state));

function reducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** Calls `found` with the details of project `id` once they are in the panel (or never, after a bounded wait). */
function whenDetailsShown(panel: HTMLElement, id: string, found: (details: HTMLElement) => void): () => void {
  const query = () => panel.querySelector<HTMLElement>(`[data-testid="detail-panel"][data-project="${CSS.escape(id)}"]`);
  const now = query();
  if (now) {
    found(now);
    return () => undefined;
  }
  const observer = new MutationObserver(() => {
    const el = query();
    if (!el) return;
    stop();
    found(el);
  });
  const timer = window.setTimeout(() => stop(), DETAILS_WAIT_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(panel, { childList: true, subtree: true });
  return stop;
}

/** Height of whatever sticks to the panel's top (the phone sheet's handle), so the details start below it. */
function stickyTopPx(panel: HTMLElement): number {
  const handle = panel.querySelector<HTMLElement>('.app-panel__handle');
  if (!handle || handle.offsetHeight === 0 || getComputedStyle(handle).position !== 'sticky') return 0;
  return handle.offsetHeight;
}

/** Scrolls the panel so that `el`'s top sits just below the panel's top (and its sticky handle). */
function scrollToTopOf(panel: HTMLElement, el: HTMLElement, smooth: boolean): void {
  const top = Math.max(0, el.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop - stickyTopPx(panel) - TOP_GAP_PX);
  // A long way (thousands of px up a long list) is a jump: a smooth scroll would take seconds.
  const near = Math.abs(top - panel.scrollTop) <= 2 * panel.clientHeight;
  panel.scrollTo({ top, behavior: smooth && near && !reducedMotion() ? 'smooth' : 'auto' });
}

function focusHeading(details: HTMLElement): void {
  const heading = details.querySelector<HTMLElement>('h2, h1, h3');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}

/**
 * Drives the selection event for the panel `panelRef`; returns the live region to render (it
 * must be in the page before it speaks, so the app renders it from the start).
 */
export function useSelectionEvent(panelRef: RefObject<HTMLElement | null>): string {
  const store = useAppStoreApi();
  const selectedId = useAppStore((s) => s.selectedId);
  const project = useAppStore(selectSelectedProject);
  const date = useAppStore(selectAsOfDate);
  const lang = useAppStore((s) => s.lang);
  // The announcement changes only with the selection (not with the date while Play runs).
  const [announced, setAnnounced] = useState<{ id: string | null; text: string }>({ id: null, text: '' });
  if (announced.id !== selectedId && (selectedId === null || (project && date))) {
    let text = '';
    if (project && date) {
      const s = stateOn(project, date);
      const name = lang === 'zh' ? project.name_zh : project.name_en;
      text = translate(lang, 'a11y.selected', { name, status: translate(lang, s.status ? `status.${s.status}` : 'status.none') });
    }
    setAnnounced({ id: selectedId, text });
  }
  /** Panel scroll positions by view (the permalink query), saved when the reader leaves a view. */
  const positions = useRef(new Map<string, number>());
  const fromHistory = useRef(false);
  const previous = useRef<string | null>(selectedId);
  const initial = useRef<string | null>(selectedId);

  useEffect(() => {
    const onPop = () => {
      fromHistory.current = true;
    };
    window.addEventListener('popstate', onPop);
    // Before a selection changes, remember where the panel was scrolled for the view being left.
    const stop = store.subscribe((state, prev) => {
      if (state.selectedId === prev.selectedId || !panelRef.current) return;
      positions.current.set(viewKey(prev), panelRef.current.scrollTop);
    });
    return () => {
      window.removeEventListener('popstate', onPop);
      stop();
    };
  }, [store, panelRef]);

  useEffect(() => {
    const panel = panelRef.current;
    const was = previous.current;
    previous.current = selectedId;
    const history = fromHistory.current;
    fromHistory.current = false;
    if (!panel) return;
    const opening = initial.current !== null && initial.current === selectedId;
    initial.current = null;
    const state = store.getState();
    const saved = history ? positions.current.get(viewKey(state)) : undefined;
    if (selectedId === null) {
      // Closed (the × button, Back to no selection): back to the list where it was, focus on the
      // row of the project that was open (not lost on <body>).
      if (saved !== undefined) panel.scrollTo({ top: saved, behavior: 'auto' });
      const lost = document.activeElement === document.body || document.activeElement === null || !document.activeElement.isConnected;
      if (was && lost) {
        const row = panel.querySelector<HTMLElement>(`[data-project-id="${CSS.escape(was)}"]`);
        (row ?? panel).focus({ preventScroll: saved !== undefined });
      }
      return;
    }
    return whenDetailsShown(panel, selectedId, (details) => {
      if (saved !== undefined) panel.scrollTo({ top: saved, behavior: 'auto' });
      else scrollToTopOf(panel, details, !opening);
      if (!opening) focusHeading(details);
    });
  }, [selectedId, store, panelRef]);

  return announced.text;
}

/** The polite live region that says which project was chosen. */
export function SelectionAnnouncer({ text }: { text: string }) {
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="selection-announcement">
      {text}
    </p>
  );
}
