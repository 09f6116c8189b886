/**
 * Chooses the shell (full app or embed) and keeps the document language in step with the store.
 */
import { useEffect, useLayoutEffect } from 'react';
import { flushSync } from 'react-dom';
import type { BaseMapResult } from '../data/load-base-map';
import { translate } from '../i18n/translate';
import { useAppStore } from '../state/store-context';
import { App } from './app';
import { EmbedApp } from './embed-app';
import { ErrorBoundary } from './error-boundary';
import { replayEarlyClicks, replayEarlyInput } from './early-input';

/**
 * `poster`: the poster map's markup (src/app/map-poster.tsx). The first commit also ends the
 * "view pending" state that public/view-check.js sets when the URL asks for another view than
 * the prerendered one: from then on the page shows what React rendered.
 */
export function Root({ baseMap, poster }: { baseMap: Promise<BaseMapResult>; poster: string }) {
  const embed = useAppStore((s) => s.embed);
  const lang = useAppStore((s) => s.lang);
  useEffect(() => {
    // Only when it changes: setting the root's lang, even to the same value, restyles and
    // re-lays out the whole page (the poster's :lang() rules), a full repaint on hydration.
    const next = lang === 'zh' ? 'zh-CN' : 'en';
    if (document.documentElement.lang !== next) document.documentElement.lang = next;
    document.title = translate(lang, 'app.title') + (lang === 'zh' ? ' · CDMZ Atlas' : '');
  }, [lang]);
  // In the commit that hydrates the page, before any other event: the reader's taps on the
  // prerendered controls that React did not see go through React now (early-input.ts).
  useLayoutEffect(() => {
    replayEarlyInput();
  }, []);
  useEffect(() => {
    document.documentElement.classList.remove('view-pending');
    document.documentElement.classList.add('hydrated');
    // After every component's effects (their store subscriptions): the buttons the reader
    // pressed before React listened are pressed now (early-input.ts).
    replayEarlyClicks(flushSync);
  }, []);
  return <ErrorBoundary lang={lang}>{embed ? <EmbedApp baseMap={baseMap} poster={poster} /> : <App baseMap={baseMap} poster={poster} />}</ErrorBoundary>;
}
