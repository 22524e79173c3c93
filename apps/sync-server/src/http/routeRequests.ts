import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import { securityHeaders } from './securityHeaders.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The HTTP side of the one port: `/trpc` to the API, `/export/…` to downloads, `/auth/oidc/…` to
 * single sign-on when configured, anything else but
 * `/sync/…` to the built web app when there is one, else 404. Every answer carries the security
 * headers. (`/sync/…` upgrades go to the SocketGateway, not here.)
 */
export function routeRequests(options: {
  trpc: Handler;
  exports: Handler;
  /** `/auth/oidc/…`, when single sign-on is configured. */
  singleSignOn?: Handler | undefined;
  /** The built web app, when it is served. */
  staticFiles: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  publicUrl: string | undefined;
  logger: Logger;
}): RequestListener {
  const headers = Object.entries(securityHeaders({ publicUrl: options.publicUrl }));
  const { staticFiles } = options;
  return (req, res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    const pathname = safePathname(req);
    if (pathname === '/trpc' || pathname?.startsWith('/trpc/')) {
      options.trpc(req, res);
    } else if (pathname?.startsWith('/export/')) {
      options.exports(req, res);
    } else if (options.singleSignOn && pathname?.startsWith('/auth/oidc/')) {
      options.singleSignOn(req, res);
    } else if (staticFiles && pathname !== undefined && !pathname.startsWith('/sync/')) {
      staticFiles(req, res).catch((error: unknown) => {
        options.logger.error('http.static_failed', { error });
        if (!res.headersSent) res.writeHead(500).end();
      });
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Introuvable');
    }
  };
}

function safePathname(req: IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}
