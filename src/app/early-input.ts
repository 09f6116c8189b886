/**
 * What the reader did to the prerendered form controls before React had them (issue 12 §1).
 *
 * The prerendered page looks ready from its first paint, but React hydrates it only once the
 * data and its code are in — seconds on a slow phone. A box ticked, an option chosen or a name
 * typed meanwhile changes the DOM only. React 19.3 hydrates over it without an `onChange` (its
 * replay of such changes, `enableHydrationChangeEvent`, is behind a flag that is off), so the box
 * stays ticked while the filter is not applied, and the page contradicts itself.
 *
 * So the entry notes each control's prerendered state (from the markup's `checked`, `value` and
 * `selected` attributes, which the reader's input does not change: a tap before the entry ran is
 * still seen), and in the commit that hydrates the page (Root's layout effect, before the
 * browser can deliver any other event) every control whose state differs from it is put back
 * and changed again the way the reader did — now through React's own event handling, so the
 * store, the URL and the map follow. A tap that React itself handled while hydrating cannot be
 * replayed twice: this runs once, in that first commit, and forgets everything after.
 *
 * Buttons (a project in the list, the language, Play, sort order, the sheet's handle) have no
 * state in the DOM to compare: their clicks are noted as they happen, from the entry until React
 * takes the page's events (`stopNotingClicks()`, called just before `hydrateRoot`: from then on
 * React answers a click itself, hydrating at once if it must), and clicked again through React
 * right after that first commit, in the order the reader made them. A click noted is one nobody
 * answered, so none is done twice. Links are not noted: the browser follows them itself.
 *
 * Meanwhile the page shows that it has the reader's input and is still getting ready: from the
 * first noted click or changed control until the replay, `<html>` carries `data-early-input`
 * (app.css: a bar along the top of the page, the progress cursor). The attribute is on `<html>`,
 * outside React's root, so the markup React hydrates is untouched.
 */
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const prerendered = new Map<Control, string | boolean>();
/** Buttons clicked before React listened, in order (a button clicked twice is here twice). */
const clicked: HTMLButtonElement[] = [];
let stopListening: (() => void) | null = null;

const isToggle = (el: Control): el is HTMLInputElement => el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');

function markupState(el: Control): string | boolean {
  if (isToggle(el)) return el.defaultChecked;
  if (el instanceof HTMLSelectElement) {
    const chosen = [...el.options].find((o) => o.defaultSelected) ?? (el.multiple ? undefined : el.options[0]);
    return chosen?.value ?? '';
  }
  return el.defaultValue;
}

const currentState = (el: Control): string | boolean => (isToggle(el) ? el.checked : el.value);

const protoOf = (el: Control) => (el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype);

/** Sets `checked` or `value` with the element's own setter, past React's value tracker. */
function setNatively(el: Control, field: 'checked' | 'value', value: string | boolean): void {
  Object.getOwnPropertyDescriptor(protoOf(el), field)?.set?.call(el, value);
}

/**
 * True while the browser is dispatching an event at `el`: the reader's tap or keystroke that made
 * React hydrate at once (React does so for a discrete event on a part not yet hydrated). That
 * event goes on to React after this commit, so it carries the change itself.
 */
function eventUnderway(el: Control): boolean {
  const event = (globalThis as { event?: Event }).event;
  return event !== undefined && event.target === el;
}

/** Notes the prerendered state of every form control under `root` (call before React runs). */
export function notePrerenderedControls(root: ParentNode): void {
  for (const el of root.querySelectorAll<Control>('input, select, textarea')) prerendered.set(el, markupState(el));
}

/** The page's "your input is noted, the page is getting ready" sign (see the module comment). */
const EARLY_INPUT_ATTR = 'data-early-input';
const showPending = (on: boolean) => document.documentElement.toggleAttribute(EARLY_INPUT_ATTR, on);

/**
 * Notes every click on a button under `root` until `stopNotingClicks()` (call before React runs).
 * Capture phase, so a handler that stops the event cannot hide it. A click or a control changed
 * meanwhile shows the pending sign.
 */
export function noteEarlyClicks(root: HTMLElement): void {
  stopNotingClicks();
  const onClick = (e: Event) => {
    const target = e.target instanceof Element ? e.target.closest('button') : null;
    if (target && root.contains(target) && !target.disabled) {
      clicked.push(target);
      showPending(true);
    }
  };
  const onChange = (e: Event) => {
    if (e.target instanceof Element && prerendered.has(e.target as Control)) showPending(true);
  };
  root.addEventListener('click', onClick, true);
  root.addEventListener('input', onChange, true);
  root.addEventListener('change', onChange, true);
  stopListening = () => {
    root.removeEventListener('click', onClick, true);
    root.removeEventListener('input', onChange, true);
    root.removeEventListener('change', onChange, true);
  };
}

/** React answers clicks from now on (its root exists): stop noting them. */
export function stopNotingClicks(): void {
  stopListening?.();
  stopListening = null;
}

/**
 * Replays the changes the reader made to the controls before hydration (see the module comment)
 * and forgets the noted states. Controls React has replaced (a view rendered afresh) are
 * skipped.
 */
export function replayEarlyInput(): void {
  for (const [el, was] of prerendered) {
    if (!el.isConnected || el.disabled) continue;
    const now = currentState(el);
    if (now === was) continue;
    if (isToggle(el)) {
      // A radio that lost its check is replayed by the one the reader chose.
      if (el.type === 'radio' && now === false) continue;
      // Back to what React saw (its value tracker follows this setter), then the change again.
      el.checked = was as boolean;
      if (eventUnderway(el)) setNatively(el, 'checked', now);
      else el.click();
    } else {
      el.value = was as string;
      setNatively(el, 'value', now);
      if (!eventUnderway(el)) {
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }
  }
  prerendered.clear();
}

/** Runs `fn` and has React commit what it changed before returning (react-dom's `flushSync`). */
export type FlushSync = (fn: () => void) => void;

/**
 * Clicks the buttons clicked before React listened (see the module comment), in the reader's
 * order, and forgets them. Call from the hydrating commit's passive effects (Root's `useEffect`,
 * which runs after every component's, so every store subscription exists): the clicks run in a
 * microtask after them, each in `flush`, so React commits what one click changed before the
 * next and each handler sees the page as the reader did (a sort direction pressed twice ends
 * where it began). A button React has removed or disabled meanwhile is skipped.
 */
export function replayEarlyClicks(flush: FlushSync): void {
  const buttons = clicked.splice(0);
  if (buttons.length === 0) {
    showPending(false);
    return;
  }
  queueMicrotask(() => {
    for (const button of buttons) if (button.isConnected && !button.disabled) flush(() => button.click());
    showPending(false);
  });
}
