/**
 * "Embed" in the full app (issue 6 §3): a header button that opens a native modal `<dialog>`
 * (the browser keeps focus inside and closes it with Escape; focus returns to the button) with
 * the `<iframe>` code for the current view, a height field, a copy button and a live preview —
 * an iframe of this same page in the embed layout.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { formatDate } from '../i18n/format';
import { translate } from '../i18n/translate';
import { selectAsOfDate, selectUrlState } from '../state/selectors';
import { useAppStore } from '../state/store-context';
import { clampEmbedHeightPx, EMBED_DEFAULT_HEIGHT_PX, EMBED_MAX_HEIGHT_PX, EMBED_MIN_HEIGHT_PX, embedSnippet, embedUrl } from './embed-snippet';

type Bounds = [number, number, number, number];

/**
 * @param openOnMount open the dialog as soon as it mounts (the header loads it on the first click)
 * @param readBounds the bounds the map shows now, or null (the app passes map-handle's `visibleBounds`)
 */
export function EmbedDialog({ openOnMount = false, readBounds = () => null }: { openOnMount?: boolean; readBounds?: () => Bounds | null }) {
  const lang = useAppStore((s) => s.lang);
  const urlState = useAppStore(selectUrlState);
  const asOf = useAppStore(selectAsOfDate);
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const code = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(openOnMount);
  // The embed frames the bounds the map shows when the dialog opens (not a desktop zoom), so
  // every width shows the same content (none without a map).
  const [bbox, setBbox] = useState(() => (openOnMount ? readBounds() : null));
  const [heightText, setHeightText] = useState(String(EMBED_DEFAULT_HEIGHT_PX));
  const [copy, setCopy] = useState<'idle' | 'copied' | 'manual'>('idle');
  const ids = { title: useId(), intro: useId(), height: useId(), code: useId(), status: useId() };

  const heightPx = clampEmbedHeightPx(Number(heightText));
  const src = embedUrl(window.location.href, { ...urlState, bbox: bbox ?? urlState.bbox }, '');
  const frameTitle = translate(lang, 'embed.frameTitle', {
    title: translate(lang, 'app.title'),
    date: asOf ? translate(lang, 'slider.value', { date: formatDate(lang, asOf) }) : '',
  });
  const snippet = embedSnippet({ src, heightPx, title: frameTitle });

  const show = () => {
    setBbox(readBounds());
    setCopy('idle');
    setOpen(true);
    dialog.current?.showModal();
  };
  // Mounted by the click that loaded this module: open at once (state starts open, above).
  useEffect(() => {
    if (openOnMount) dialog.current?.showModal();
  }, [openOnMount]);
  const onClose = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const copyCode = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopy('copied');
    } catch (e) {
      // Clipboard refused (permissions, insecure context): select the code for Ctrl+C instead.
      console.warn('CDMZ Atlas: clipboard unavailable', e);
      code.current?.focus();
      code.current?.select();
      setCopy('manual');
    }
  };

  return (
    <>
      <button ref={trigger} type="button" className="button" onClick={show} aria-haspopup="dialog" data-testid="embed-open">
        {translate(lang, 'embed.open')}
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={ids.title} aria-describedby={ids.intro} onClose={onClose} data-testid="embed-dialog">
        <div className="embed-dialog__head">
          <h2 id={ids.title} className="embed-dialog__title">
            {translate(lang, 'embed.dialogTitle')}
          </h2>
          <form method="dialog">
            <button type="submit" className="button button--quiet" aria-label={translate(lang, 'embed.close')}>
              <span aria-hidden="true">✕</span>
            </button>
          </form>
        </div>
        <p id={ids.intro} className="embed-dialog__intro">
          {translate(lang, 'embed.intro')}
        </p>
        <div className="embed-dialog__field">
          <label htmlFor={ids.height}>{translate(lang, 'embed.height')}</label>
          <input
            id={ids.height}
            type="number"
            inputMode="numeric"
            min={EMBED_MIN_HEIGHT_PX}
            max={EMBED_MAX_HEIGHT_PX}
            step={20}
            value={heightText}
            onChange={(e) => setHeightText(e.target.value)}
            onBlur={() => setHeightText(String(heightPx))}
            data-testid="embed-height"
          />
        </div>
        <div className="embed-dialog__field embed-dialog__field--code">
          <label htmlFor={ids.code}>{translate(lang, 'embed.code')}</label>
          <textarea id={ids.code} ref={code} readOnly rows={4} value={snippet} spellCheck={false} data-testid="embed-code" onFocus={(e) => e.currentTarget.select()} />
        </div>
        <div className="embed-dialog__actions">
          <button type="button" className="button" onClick={() => void copyCode()} aria-describedby={ids.status} data-testid="embed-copy">
            {translate(lang, 'embed.copy')}
          </button>
          <span id={ids.status} role="status" className="embed-dialog__status">
            {copy === 'copied' ? translate(lang, 'embed.copied') : copy === 'manual' ? translate(lang, 'embed.copyManual') : ''}
          </span>
        </div>
        <h3 className="embed-dialog__preview-title">{translate(lang, 'embed.preview')}</h3>
        {/* A picture of the result, not a second app to operate: inert (out of the focus order and
            the accessibility tree, so its landmarks do not double the page's). */}
        <div className="embed-dialog__preview" inert>
          {open ? (
            <iframe
              key={src}
              src={src}
              title={`${translate(lang, 'embed.previewTitle')}: ${frameTitle}`}
              style={{ height: heightPx }}
              data-testid="embed-preview"
            />
          ) : null}
        </div>
      </dialog>
    </>
  );
}
