/**
 * The one rule for links the atlas shows or exports: an absolute `http:` or `https:` URL with a
 * host, written plainly (no spaces or control characters anywhere, no leading junk). Used by the
 * data validator (`npm run data:check` and the loader) and again wherever a link is rendered
 * (defence in depth: a `javascript:`, `data:`, relative or protocol-relative link never becomes
 * an `href`).
 */

/** Longest URL accepted (see data/README.md "Size limits"). */
export const MAX_URL_LENGTH = 2_048;

/**
 * @example isHttpUrl('https://www.gov.cn/a.html') // true
 * @example isHttpUrl('javascript:alert(1)') // false
 * @example isHttpUrl('//evil.example/x') // false (protocol-relative)
 */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return false;
  // Checked on the text as written: the URL parser would silently drop tabs and line breaks
  // and trim spaces, so "java\tscript:" or " https:" must be refused before it runs.
  // eslint-disable-next-line no-control-regex
  if (!/^https?:\/\/[^\s\u0000-\u001f\u007f/?#\\]/i.test(value) || /[\s\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The URL when it is a plain http(s) URL, else null (for rendering an `href`). */
export function httpUrlOrNull(value: unknown): string | null {
  return isHttpUrl(value) ? value : null;
}
