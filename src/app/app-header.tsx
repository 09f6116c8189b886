/**
 * Title, one-line summary, language switch and the share tools.
 */
import { lazy, Suspense, useState } from 'react';
import { translate } from '../i18n/translate';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { visibleBounds } from '../map/map-handle';
import { PictureTools } from './picture-tools';

const loadEmbedDialog = () => import('../panels/embed-dialog');
const EmbedDialog = lazy(() => loadEmbedDialog().then((m) => ({ default: m.EmbedDialog })));

/**
 * The embed tool's button. The dialog's code (snippet builder, form) is loaded on the first
 * click, or when the pointer or focus reaches the button, not with the page.
 */
function EmbedTool() {
  const lang = useAppStore((s) => s.lang);
  const [wanted, setWanted] = useState(false);
  const label = translate(lang, 'embed.open');
  if (wanted) {
    return (
      <Suspense fallback={<button type="button" className="button" disabled aria-haspopup="dialog">{label}</button>}>
        <EmbedDialog openOnMount readBounds={visibleBounds} />
      </Suspense>
    );
  }
  const prefetch = () => void loadEmbedDialog().catch(() => undefined);
  return (
    <button type="button" className="button" aria-haspopup="dialog" data-testid="embed-open" onPointerEnter={prefetch} onFocus={prefetch} onClick={() => setWanted(true)}>
      {label}
    </button>
  );
}

export function AppHeader() {
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const [copied, setCopied] = useState(false);
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch (e) {
      // Clipboard can be refused (permissions, insecure context): show the link to copy by hand.
      console.warn('CDMZ Atlas: clipboard unavailable', e);
      window.prompt(translate(lang, 'app.copyLinkManual'), window.location.href);
    }
  };
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1 className="app-header__title">{translate(lang, 'app.title')}</h1>
        <p className="app-header__summary">{translate(lang, 'app.summary')}</p>
      </div>
      {/* The language switch stays beside the title on every width (phones: the tools wrap below). */}
      <button
        type="button"
        className="button app-header__lang"
        lang={lang === 'zh' ? 'en' : 'zh'}
        aria-label={`${translate(lang, 'app.lang.label')}: ${translate(lang, 'app.lang.switch')}`}
        onClick={() => store.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
        data-testid="lang-switch"
      >
        {translate(lang, 'app.lang.switch')}
      </button>
      <div className="app-header__tools">
        <button type="button" className="button" onClick={copyLink} data-testid="copy-link">
          {translate(lang, copied ? 'app.copied' : 'app.copyLink')}
        </button>
        <EmbedTool />
        <PictureTools />
      </div>
    </header>
  );
}
