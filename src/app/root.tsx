/**
 * Chooses the shell (full app or embed) and keeps the document language in step with the store.
 */
import { useEffect } from 'react';
import type { BaseMapResult } from '../data/load-base-map';
import { translate } from '../i18n/translate';
import { useAppStore } from '../state/store-context';
import { App } from './app';
import { EmbedApp } from './embed-app';
import { ErrorBoundary } from './error-boundary';

export function Root({ baseMap }: { baseMap: Promise<BaseMapResult> }) {
  const embed = useAppStore((s) => s.embed);
  const lang = useAppStore((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(lang, 'app.title') + (lang === 'zh' ? ' · CDMZ Atlas' : '');
  }, [lang]);
  return <ErrorBoundary lang={lang}>{embed ? <EmbedApp baseMap={baseMap} /> : <App baseMap={baseMap} />}</ErrorBoundary>;
}
