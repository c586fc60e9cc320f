// Escaping for XML documents written as text (feeds, sitemaps).

/** Escapes text for XML element content and attribute values, and drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return xmlChars(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Drops the characters XML 1.0 forbids anywhere in a document (control characters, lone surrogates). */
export function xmlChars(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}
