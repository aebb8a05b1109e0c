/** Escaping for untrusted scraped text. Every renderer goes through these. */

const HTML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"'`]/g, (c) => HTML_ESC[c]);
}

/** Only http(s) URLs may become links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/**
 * Escapes text for inline Markdown: characters that start markup (links, images, emphasis,
 * code, HTML) are backslash-escaped, and raw HTML angle brackets become entities so a Markdown
 * viewer never renders scraped tags.
 */
export function escapeMarkdown(s: unknown): string {
  return String(s ?? '')
    .replace(/[\\`*_{}\[\]()#+!|~]/g, (c) => '\\' + c)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}
