/**
 * Escaping for text that comes from content (titles, steps, tags, every front matter value):
 * it is data, never markup. The one place this rule lives for HTML and XML text.
 */
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
