/**
 * Escapes text for HTML: element content and double-quoted attribute values (the poster's SVG,
 * the embed snippet, the map's attribution).
 * @example escapeHtml('a & "b" <c>') // 'a &amp; &quot;b&quot; &lt;c&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
