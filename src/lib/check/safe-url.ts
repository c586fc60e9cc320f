// Which URLs an article may link to or show: one allow-list for the Markdown sanitizer (which strips every other
// URL from the built page) and the checker (which reports them), so that what passes `npm run check` is exactly
// what the site keeps. Relative URLs (站内链接, ./photo.jpg) are always allowed.

/** Allowed schemes per HTML property, lowercase, compared exactly as hast-util-sanitize compares them. */
export const allowedProtocols = {
  href: ['http', 'https', 'mailto', 'tel'],
  src: ['http', 'https'],
  cite: ['http', 'https'],
  longDesc: ['http', 'https'],
} as const;

/** Schemes that run code or smuggle content in a reader's browser, named as such in the checker's message. */
const EXECUTABLE = /^(?:javascript|vbscript|data|livescript|mocha):/;

/**
 * The scheme of a URL the way hast-util-sanitize reads it: the text before the first `:`, unless a `/`, `?`
 * or `#` comes first (then the URL is relative and has none).
 */
export function urlScheme(url: string): string | undefined {
  const colon = url.indexOf(':');
  if (colon < 0) return undefined;
  for (const c of ['/', '?', '#']) {
    const i = url.indexOf(c);
    if (i > -1 && i < colon) return undefined;
  }
  return url.slice(0, colon);
}

/**
 * What a browser would make of the URL's start: percent-escapes decoded, the whitespace and control characters
 * it skips removed, lowercased. Only used to word the message; the decision is urlScheme against the allow-list.
 */
function browserView(url: string): string {
  let decoded = url;
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      break;
    }
  }
  return decoded.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '').toLowerCase();
}

export type UrlVerdict = { ok: true } | { ok: false; scheme: string; executable: boolean };

/** Whether `url` survives the sanitizer as the value of `property` (href for links, src for images). */
export function checkUrl(url: string, property: keyof typeof allowedProtocols): UrlVerdict {
  const scheme = urlScheme(url);
  const executable = EXECUTABLE.test(browserView(url));
  if (scheme === undefined && !executable) return { ok: true };
  if (scheme !== undefined && (allowedProtocols[property] as readonly string[]).includes(scheme) && !executable) return { ok: true };
  return { ok: false, scheme: scheme ?? '', executable };
}
