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
 */
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const prerendered = new Map<Control, string | boolean>();

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

/**
 * Replays the changes the reader made before hydration (see the module comment) and forgets the
 * noted states. Controls React has replaced (a view rendered afresh) are skipped. Returns how
 * many controls were replayed.
 */
export function replayEarlyInput(): number {
  let replayed = 0;
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
    replayed++;
  }
  prerendered.clear();
  return replayed;
}
