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
  // Only what starts markup inline: a scraped string is always placed after our own "- ", "**"
  // or "## ", so line-start markers (#, +, 1.) cannot fire, and an underscore inside a word
  // (file_name) is not emphasis in CommonMark. Parentheses are escaped too, so that no "](" of a
  // link survives even for a naive reader.
  return String(s ?? '')
    .replace(/[\\`*{}\[\]()!|~]/g, (c) => '\\' + c)
    .replace(/_/g, (c, i: number, all: string) => (/[\p{L}\p{N}]/u.test(all[i - 1] ?? '') && /[\p{L}\p{N}]/u.test(all[i + 1] ?? '') ? c : '\\_'))
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}
