const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address a link may keep in an export, or undefined. Only absolute http, https and mailto
 * addresses survive: `javascript:`, `data:`, `file:` and relative links become plain text, since
 * an exported file is opened outside Canevas, where nothing else would stop them.
 */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  // Browsers drop control characters and whitespace inside schemes (« java\tscript: »).
  const trimmed = href.trim();
  if (trimmed === '' || /\p{Cc}/u.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return undefined;
  return url.href;
}
