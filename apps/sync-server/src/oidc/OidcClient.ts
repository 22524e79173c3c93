import { SSO_LOGGED_OUT_PATH, type SingleSignOnFailure } from '@canevas/core';
import type * as OpenIdClient from 'openid-client';
import { DEFAULT_OIDC_SCOPES, type OidcOptions } from './OidcOptions.js';

/** openid-client, once the first sign-in has loaded it (see `openIdClient`). */
let loaded: typeof OpenIdClient | undefined;

/** Loaded with the first sign-in, not at start: an instance without single sign-on never needs it. */
async function openIdClient(): Promise<typeof OpenIdClient> {
  loaded ??= await import('openid-client');
  return loaded;
}

/** What a sign-in started in the browser must bring back: kept in a short-lived HttpOnly cookie. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where the web app goes once signed in: a path of this origin. */
  returnTo: string;
}

/** Who the provider says signed in: the ID token's claims completed by the userinfo endpoint. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  /** `email_verified` from the provider; undefined when it sent none. */
  emailVerified: boolean | undefined;
  name: string | undefined;
  /** ProConnect: the organisation's SIRET and the identity provider behind ProConnect. */
  siret: string | undefined;
  idpId: string | undefined;
  acr: string | undefined;
  /** Kept for the provider's logout (`id_token_hint`); never logged, never sent to the browser. */
  idToken: string;
}

/** A sign-in that cannot finish, with the reason the web app shows in French; `detail` is for the log only. */
export class SignInFailure extends Error {
  override readonly name = 'SignInFailure';
  constructor(
    readonly reason: SingleSignOnFailure,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(`single sign-on failed: ${reason}`);
  }
}

/**
 * The OpenID Connect protocol, through openid-client (panva): Authorization Code with PKCE,
 * `state` and `nonce`, discovery from the issuer, ID token and signed userinfo checked against
 * the provider's keys, and RP-initiated logout. It knows nothing of accounts (see OidcSignIn).
 */
export class OidcClient {
  readonly #options: OidcOptions;
  readonly #scopes: string;
  #configuration: Promise<OpenIdClient.Configuration> | undefined;

  constructor(options: OidcOptions) {
    this.#options = options;
    this.#scopes = options.scopes?.trim() || DEFAULT_OIDC_SCOPES;
  }

  /**
   * Discovered at the first sign-in rather than at start, so that a provider down at start does
   * not stop the server; a failed discovery is tried again at the next sign-in.
   */
  #discover(): Promise<OpenIdClient.Configuration> {
    this.#configuration ??= (async () => {
      const client = await openIdClient();
      const issuer = new URL(this.#options.issuer);
      const configuration = await client.discovery(
        issuer,
        this.#options.clientId,
        { client_secret: this.#options.clientSecret },
        client.ClientSecretPost(this.#options.clientSecret),
        {
          execute: [
            // The signatures of the ID token and of a userinfo JWT are checked against the
            // provider's published keys (openid-client trusts TLS alone by default; ProConnect asks RPs to check).
            client.enableNonRepudiationChecks,
            // Plain HTTP only to a provider on this machine (tests, a local development provider).
            ...(isLoopback(issuer) && issuer.protocol === 'http:' ? [client.allowInsecureRequests] : []),
          ],
          timeout: 10,
        },
      );
      return configuration;
    })();
    this.#configuration.catch(() => {
      this.#configuration = undefined;
    });
    return this.#configuration;
  }

  /** The provider's authorization URL for a new sign-in, and what the callback must find again. */
  async begin(returnTo: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const configuration = await this.#discover().catch((error: unknown) => {
      throw new SignInFailure('unavailable', describe(error));
    });
    const client = await openIdClient();
    const pending: PendingSignIn = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), returnTo };
    const parameters: Record<string, string> = {
      redirect_uri: this.#options.redirectUrl,
      scope: this.#scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    };
    if (this.#options.acrValues) parameters.acr_values = this.#options.acrValues;
    return { url: client.buildAuthorizationUrl(configuration, parameters), pending };
  }

  /**
   * Checks the provider's answer (`state`, code exchange with the PKCE verifier, ID token with its
   * `nonce`, userinfo for the same subject) and returns who signed in. Throws {@link SignInFailure}.
   */
  async complete(search: string, pending: PendingSignIn): Promise<ProviderIdentity> {
    const configuration = await this.#discover().catch((error: unknown) => {
      throw new SignInFailure('unavailable', describe(error));
    });
    // The URL the provider redirected to, rebuilt on the configured redirect URL: behind a proxy
    // the request's own host is not the one the provider knows.
    const current = new URL(this.#options.redirectUrl);
    current.search = search;
    const client = await openIdClient();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new SignInFailure(failureReason(error), describe(error));
    }
    const claims = tokens.claims();
    const idToken = tokens.id_token;
    if (!claims || !idToken) throw new SignInFailure('provider', { message: 'no ID token' });
    const acceptedAcr = this.#options.acrValues?.split(/\s+/).filter(Boolean) ?? [];
    const acr = typeof claims.acr === 'string' ? claims.acr : undefined;
    if (acceptedAcr.length > 0 && (acr === undefined || !acceptedAcr.includes(acr))) throw new SignInFailure('acr', { acr: acr ?? null });
    let userinfo: OpenIdClient.UserInfoResponse;
    try {
      // ProConnect answers with a signed JWT (application/jwt): checked like the ID token.
      userinfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    } catch (error) {
      throw new SignInFailure(failureReason(error), describe(error));
    }
    const merged: Record<string, unknown> = { ...claims, ...userinfo };
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: text(merged.email)?.toLowerCase(),
      emailVerified: typeof merged.email_verified === 'boolean' ? merged.email_verified : undefined,
      name: displayName(merged),
      siret: text(merged.siret),
      idpId: text(merged.idp_id),
      acr,
      idToken,
    };
  }

  /**
   * The provider's logout URL for a session opened with `idToken` (RP-initiated logout:
   * `id_token_hint`, `state`, `post_logout_redirect_uri`); undefined when the provider has no
   * end-session endpoint or cannot be reached (the Canevas session is closed anyway).
   */
  async logoutUrl(idToken: string): Promise<string | undefined> {
    try {
      const configuration = await this.#discover();
      if (!configuration.serverMetadata().end_session_endpoint) return undefined;
      const client = await openIdClient();
      return client
        .buildEndSessionUrl(configuration, {
          id_token_hint: idToken,
          state: client.randomState(),
          post_logout_redirect_uri: new URL(SSO_LOGGED_OUT_PATH, this.#options.redirectUrl).href,
        })
        .toString();
    } catch {
      return undefined;
    }
  }
}

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** ProConnect sends `given_name` and `usual_name`; others `name`, or `given_name` and `family_name`. */
function displayName(claims: Record<string, unknown>): string | undefined {
  const given = text(claims.given_name);
  const family = text(claims.usual_name) ?? text(claims.family_name);
  return text(claims.name) ?? ([given, family].filter(Boolean).join(' ') || undefined);
}

/** openid-client wraps oauth4webapi's errors: the precise message is the cause's. */
function messages(error: unknown): string[] {
  const found: string[] = [];
  for (let current: unknown = error; current instanceof Error && found.length < 5; current = current.cause) found.push(current.message);
  return found;
}

function failureReason(error: unknown): SingleSignOnFailure {
  if (loaded && error instanceof loaded.AuthorizationResponseError) return 'refused';
  // A state that is not this browser's: a link from elsewhere, or a sign-in begun twice.
  if (messages(error).some((message) => message.includes('"state"'))) return 'expired';
  if (isNetworkError(error)) return 'unavailable';
  return 'provider';
}

function isNetworkError(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if (current.name === 'TimeoutError' || current.name === 'AbortError' || current.message === 'fetch failed') return true;
    if ('code' in current && typeof current.code === 'string' && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|OAUTH_TIMEOUT)$/.test(current.code)) return true;
  }
  return false;
}

/**
 * For the log: the error's name, code and message, and the provider's error code, never a
 * response body, a token or a request URL (which would carry the authorization code).
 */
function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const detail: Record<string, unknown> = { error: error.name, message: messages(error).join(' ← ') };
  if ('code' in error && typeof error.code === 'string') detail.code = error.code;
  if (loaded && (error instanceof loaded.AuthorizationResponseError || error instanceof loaded.ResponseBodyError)) detail.providerError = error.error;
  return detail;
}
