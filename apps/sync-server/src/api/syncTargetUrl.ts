import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/**
 * The WebSocket base URL clients should use: from PUBLIC_URL when configured (the server sits
 * behind a proxy), else from the request's Host header.
 */
export function syncTargetUrl(req: IncomingMessage, publicUrl: string | undefined): string {
  if (publicUrl) {
    const url = new URL(publicUrl);
    const protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}/sync`;
  }
  const encrypted = (req.socket as TLSSocket).encrypted === true;
  const host = parseHost(req.headers.host) ?? `${req.socket.localAddress ?? '127.0.0.1'}:${req.socket.localPort ?? ''}`;
  return `${encrypted ? 'wss' : 'ws'}://${host}/sync`;
}

function parseHost(header: string | undefined): string | undefined {
  if (!header) return undefined;
  try {
    // Refuses anything that is not a bare host[:port], so a forged header cannot inject a path.
    const url = new URL(`http://${header}`);
    return url.host === header.toLowerCase() ? url.host : undefined;
  } catch {
    return undefined;
  }
}
