// Escaping text for HTML written as strings: the one escaper every page, feed, search record and dev overlay uses.

const NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export interface EscapeHtmlOptions {
  /**
   * Numeric character references (`&#60;`) for `& < > " '` instead of named ones for `& < > "`: the dev
   * preview's problem list is written this way.
   */
  numeric?: boolean;
}

/**
 * Escapes `&`, `<`, `>` and `"` as named references, for a text node or a double-quoted attribute value
 * (`a < b & "c"` → `a &lt; b &amp; &quot;c&quot;`).
 */
export function escapeHtml(text: string, options: EscapeHtmlOptions = {}): string {
  if (options.numeric) return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return text.replace(/[&<>"]/g, (c) => NAMED[c]!);
}

/**
 * Escapes only `&` and `"`, all a double-quoted attribute value needs: for attributes rewritten in place,
 * where the rest of the value stays as written.
 */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"]/g, (c) => NAMED[c]!);
}
