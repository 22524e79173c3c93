/**
 * Headers sent with every HTTP answer. The Content-Security-Policy allows only the app's own
 * files: no inline or foreign script, no plugin, no framing by another site (clickjacking), no
 * `<base>` rewriting, and network access only to the server itself (tRPC, exports, the sync
 * socket — `'self'` covers ws: and wss: of the same host in CSP Level 3 browsers; PUBLIC_URL's
 * origin is named too, for a sync URL built from it).
 *
 * Styles are strict too: the app's own styles are files (TipTap's base CSS included, its editors
 * made with `injectCSS: false`); the colours that React, ProseMirror and the collaboration caret
 * set go through the CSSOM (`element.style`), which `style-src` does not govern.
 */
export function securityHeaders(options: { publicUrl?: string | undefined } = {}): Record<string, string> {
  const connect = ["'self'"];
  if (options.publicUrl) {
    const url = new URL(options.publicUrl);
    connect.push(url.origin, `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`);
  }
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': policy,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  };
}
