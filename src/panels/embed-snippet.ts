/**
 * The `<iframe>` code a newsroom pastes into an article (issue 6 §3): the current view with
 * `embed=1`, full width of the article column, a chosen height and a title for screen readers.
 * Pure: the page address, the view state and the camera hash come in as arguments.
 */
import { escapeHtml } from '../domain/html-escape';
import { serializeUrlState, type UrlState } from '../state/url-codec';

/** Heights the embed layout is designed for, in CSS pixels. */
export const EMBED_MIN_HEIGHT_PX = 300;
export const EMBED_MAX_HEIGHT_PX = 1200;
export const EMBED_DEFAULT_HEIGHT_PX = 520;

/** A height from a form field, clamped to 300–1200 px and rounded; the default when unreadable. */
export function clampEmbedHeightPx(value: number): number {
  if (!Number.isFinite(value)) return EMBED_DEFAULT_HEIGHT_PX;
  return Math.min(EMBED_MAX_HEIGHT_PX, Math.max(EMBED_MIN_HEIGHT_PX, Math.round(value)));
}

/**
 * The absolute address of the embed for this view: the app's own page (query and hash of
 * `pageUrl` replaced) with the state's query plus `embed=1`, and the camera `hash`
 * (`#zoom/lat/lon`; anything else is dropped).
 * @example embedUrl('https://x.org/atlas/?lang=en#7/30.6/104.2', { ...DEFAULT_URL_STATE, lang: 'en' }, '#7/30.6/104.2')
 * // "https://x.org/atlas/?lang=en&embed=1#7/30.6/104.2"
 */
export function embedUrl(pageUrl: string, state: UrlState, hash: string): string {
  const url = new URL(pageUrl);
  url.search = serializeUrlState({ ...state, embed: true });
  url.hash = /^#[\d.]+\/-?[\d.]+\/-?[\d.]+(\/[-\d.]+){0,2}$/.test(hash) ? hash : '';
  return url.href;
}

export interface EmbedSnippetInput {
  /** The embed address (from `embedUrl`). */
  src: string;
  heightPx: number;
  /** The frame's accessible name, e.g. "CDMZ Atlas (as of 29 Sept 2024)". */
  title: string;
}

/**
 * The HTML to paste: responsive width (100% of the column, never wider), fixed height, no
 * border, lazy loading, a title for screen readers.
 * @example embedSnippet({ src: 'https://x.org/?embed=1', heightPx: 520, title: 'Map' })
 * // '<iframe src="https://x.org/?embed=1" title="Map" width="100%" height="520" …></iframe>'
 */
export function embedSnippet({ src, heightPx, title }: EmbedSnippetInput): string {
  const h = clampEmbedHeightPx(heightPx);
  return (
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="100%" height="${h}" ` +
    `style="display:block;width:100%;max-width:100%;height:${h}px;border:0" loading="lazy" allow="fullscreen; clipboard-write"></iframe>`
  );
}
