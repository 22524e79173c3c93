import type { IncomingMessage, ServerResponse } from 'node:http';
import { SSO_CALLBACK_PATH, SSO_FAILURE_PARAM, SSO_LOGGED_OUT_PATH, SSO_LOGIN_PATH, type SingleSignOnFailure } from '@canevas/core';
import { SESSION_COOKIE, type AuthService } from '../accounts/AuthService.js';
import { clientAddress } from '../auth/clientAddress.js';
import { parseCookies, serializeCookie } from '../auth/cookies.js';
import type { Logger } from '../logger.js';
import { SignInFailure, type OidcClient, type PendingSignIn } from './OidcClient.js';
import type { OidcSignIn } from './OidcSignIn.js';

/** Holds a sign-in's state, nonce and PKCE verifier between the two redirects; only /auth/oidc/ sees it. */
const PENDING_COOKIE = 'canevas_oidc';
const PENDING_COOKIE_PATH = '/auth/oidc/';
const PENDING_SECONDS = 10 * 60;

export interface SingleSignOnHandlerOptions {
  client: OidcClient;
  signIn: OidcSignIn;
  auth: AuthService;
  logger: Logger;
  /** Secure cookies when the public URL is https. */
  secure: boolean;
  trustedProxies: number;
}

/**
 * `/auth/oidc/login` redirects to the provider; `/auth/oidc/callback` checks its answer, opens a
 * session and redirects to the web app; `/auth/oidc/logged-out` is where the provider's logout
 * returns. Every failure redirects to the web app with only a reason code (`?connexion=expired`…),
 * which it shows in French: nothing the provider sent reaches the page, the address bar or the log
 * beyond error codes.
 */
export function createSingleSignOnHandler(options: SingleSignOnHandlerOptions) {
  const { client, signIn, auth, logger, secure } = options;

  function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
    res.writeHead(303, { location, 'cache-control': 'no-store', ...(cookies.length > 0 && { 'set-cookie': cookies }) }).end();
  }

  function pendingCookie(value: string, maxAgeSeconds: number): string {
    return serializeCookie(PENDING_COOKIE, value, { secure, maxAgeSeconds, path: PENDING_COOKIE_PATH });
  }

  function fail(res: ServerResponse, reason: SingleSignOnFailure, detail: Record<string, unknown>, cookies: string[] = []): void {
    logger.warn('auth.oidc_failed', { reason, ...detail });
    redirect(res, `/?${SSO_FAILURE_PARAM}=${reason}`, cookies);
  }

  async function login(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      const { url: authorizationUrl, pending } = await client.begin(safeReturnPath(url.searchParams.get('retour')));
      redirect(res, authorizationUrl.href, [pendingCookie(Buffer.from(JSON.stringify(pending)).toString('base64url'), PENDING_SECONDS)]);
    } catch (error) {
      if (error instanceof SignInFailure) return fail(res, error.reason, error.detail);
      throw error;
    }
  }

  async function callback(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const cleared = pendingCookie('', 0);
    const pending = readPending(parseCookies(req.headers.cookie).get(PENDING_COOKIE));
    // No pending sign-in in this browser: expired, or a link forged elsewhere (login CSRF).
    if (!pending) return fail(res, 'expired', { pending: false }, [cleared]);
    try {
      const identity = await client.complete(url.search, pending);
      const { user, via } = await signIn.accountFor(identity);
      if (via !== 'identity') {
        await auth.accounts.audit({ at: Date.now(), userId: user.id, action: via === 'created' ? 'auth.oidc_account_created' : 'auth.oidc_linked', detail: { issuer: identity.issuer } });
      }
      const address = clientAddress(req, options.trustedProxies);
      const session = await auth.openSession(user, address, {
        idToken: identity.idToken,
        detail: { linkedBy: via, acr: identity.acr ?? null, siret: identity.siret ?? null, idpId: identity.idpId ?? null },
      });
      redirect(res, pending.returnTo, [cleared, serializeCookie(SESSION_COOKIE, session.sessionToken, { secure, maxAgeSeconds: Math.floor(auth.sessionTtlMs / 1000) })]);
    } catch (error) {
      if (error instanceof SignInFailure) return fail(res, error.reason, error.detail, [cleared]);
      throw error;
    }
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain; charset=utf-8' }).end('Méthode non autorisée');
      return;
    }
    let route: Promise<void>;
    if (url.pathname === SSO_LOGIN_PATH) route = login(req, res, url);
    else if (url.pathname === SSO_CALLBACK_PATH) route = callback(req, res, url);
    else if (url.pathname === SSO_LOGGED_OUT_PATH) route = Promise.resolve(redirect(res, '/'));
    else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Introuvable');
      return;
    }
    route.catch((error: unknown) => {
      // A store failure, say: logged by name and message only, never with the request's URL.
      logger.error('auth.oidc_error', { error });
      if (!res.headersSent) redirect(res, `/?${SSO_FAILURE_PARAM}=provider`, [pendingCookie('', 0)]);
    });
  };
}

function readPending(cookie: string | undefined): PendingSignIn | undefined {
  if (!cookie) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')) as Partial<PendingSignIn>;
    const fields = [value.state, value.nonce, value.codeVerifier, value.returnTo];
    return fields.every((field) => typeof field === 'string' && field.length > 0 && field.length < 2048) ? (value as PendingSignIn) : undefined;
  } catch {
    return undefined;
  }
}

/** Only a path of this origin: `//other.example` or `https://…` would make an open redirect. */
export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 1000) return '/';
  return value;
}
