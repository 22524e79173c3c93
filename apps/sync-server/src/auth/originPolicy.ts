import type { IncomingMessage } from 'node:http';

/**
 * Browsers send Origin on WebSocket upgrades and on cross-site requests; a page on another site
 * must not ride the user's session cookie (cross-site WebSocket hijacking). Allowed: the origin
 * the request was addressed to (its Host), the public URL's origin and any configured extra ones.
 * A request without Origin is not from a browser page and must authenticate otherwise (token,
 * ticket): the cookie alone is refused for it by the caller.
 */
export function isAllowedOrigin(req: IncomingMessage, options: { publicUrl?: string | undefined; extraOrigins?: readonly string[] }): boolean {
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return false;
  let normalized: string;
  try {
    normalized = new URL(origin).origin;
  } catch {
    return false;
  }
  const allowed = new Set<string>(options.extraOrigins ?? []);
  if (options.publicUrl) allowed.add(new URL(options.publicUrl).origin);
  const host = req.headers.host;
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(normalized);
}
