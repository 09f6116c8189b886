/**
 * Title, one-line summary, language switch and the share tools.
 */
import { useState } from 'react';
import { translate } from '../i18n/translate';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { EmbedDialog } from '../panels/embed-dialog';
import { PictureTools } from './picture-tools';

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
      <div className="app-header__tools">
        <button type="button" className="button" onClick={copyLink} data-testid="copy-link">
          {translate(lang, copied ? 'app.copied' : 'app.copyLink')}
        </button>
        <EmbedDialog />
        <PictureTools />
        <button
          type="button"
          className="button"
          lang={lang === 'zh' ? 'en' : 'zh'}
          aria-label={`${translate(lang, 'app.lang.label')}: ${translate(lang, 'app.lang.switch')}`}
          onClick={() => store.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
          data-testid="lang-switch"
        >
          {translate(lang, 'app.lang.switch')}
        </button>
      </div>
    </header>
  );
}
