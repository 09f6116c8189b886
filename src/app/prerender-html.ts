/**
 * What the build does to the page's HTML with the prerendered markup (vite.config.ts,
 * cdmz-prerender). Pure string work, tested on its own.
 */
export const PLACEHOLDER = '<div id="root"><!--prerender--></div>';

/**
 * Inline `style` attributes of the prerendered markup (React writes e.g. a bar's width as one)
 * would be refused by the Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline'). They
 * become `data-ps` attributes with the same declarations in a stylesheet of their own. The client
 * hydrates over them (React does not rewrite hydrated attributes) and sets later styles through
 * the CSSOM, which CSP does not govern.
 */
export function extractInlineStyles(html: string): { html: string; css: string } {
  const ids = new Map<string, string>();
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const out = html.replace(/ style="([^"]*)"/g, (_, decl: string) => {
    const text = unescape(decl);
    let id = ids.get(text);
    if (id === undefined) ids.set(text, (id = String(ids.size)));
    return ` data-ps="${id}"`;
  });
  const css = [...ids].map(([decl, id]) => `[data-ps="${id}"]{${decl.replace(/[<}]/g, '')}}`).join('\n');
  return { html: out, css };
}

/** Puts the prerendered markup into the page's HTML (marks #root as holding the default view). */
export function fillRoot(html: string, markup: string): string {
  if (!html.includes(PLACEHOLDER)) throw new Error(`cdmz-prerender: index.html has no ${PLACEHOLDER}`);
  return html.replace(PLACEHOLDER, () => `<div id="root" data-prerendered="default">${markup}</div>`);
}

