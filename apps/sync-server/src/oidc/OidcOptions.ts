/** Single sign-on through an OpenID provider (ProConnect, or any OpenID Connect provider). */
export interface OidcOptions {
  /** `OIDC_ISSUER`: the provider's issuer URL; its metadata is discovered from it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `OIDC_SCOPES`, space-separated. Default `openid email profile`. */
  scopes?: string;
  /** `OIDC_REDIRECT_URL`: where the provider sends the browser back; default `PUBLIC_URL` + `/auth/oidc/callback`. */
  redirectUrl: string;
  /** `OIDC_ACR_VALUES`: authentication levels asked for (ProConnect: `eidas1`…); the ID token's `acr` must be one of them. */
  acrValues?: string;
  /**
   * `OIDC_ALLOWED_DOMAINS`: e-mail domains whose people get an account at their first sign-in
   * (never an administrator). Empty: only people who already have an account may sign in.
   */
  allowedDomains?: readonly string[];
  /**
   * `OIDC_TRUST_EMAIL=1`: the provider vouches for every e-mail it sends, even without an
   * `email_verified` claim (ProConnect does). Otherwise only `email_verified: true` links an account.
   */
  trustEmail?: boolean;
  /** `OIDC_LABEL`: the provider's name on the sign-in button (« Se connecter avec … »). Default `ProConnect`. */
  label?: string;
}

export const DEFAULT_OIDC_SCOPES = 'openid email profile';
export const DEFAULT_OIDC_LABEL = 'ProConnect';
