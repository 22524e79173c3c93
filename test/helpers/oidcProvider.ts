import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/** A person the test provider knows, by e-mail; the claims ProConnect sends about them. */
export interface ProviderAccount {
  /** The stable subject (`sub`); defaults to a value derived from the e-mail at first use. */
  sub?: string;
  email: string;
  /** Sent only when set (ProConnect sends none). */
  email_verified?: boolean;
  given_name?: string;
  usual_name?: string;
  siret?: string;
  idp_id?: string;
}

export interface TestOidcProvider {
  /** The issuer URL (http://127.0.0.1:<port>), for OIDC_ISSUER. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Scopes as ProConnect names them, for OIDC_SCOPES. */
  scopes: string;
  /** The people who can sign in, by the e-mail typed in the login form; change them freely. */
  accounts: Map<string, ProviderAccount>;
  /** Content types of the userinfo answers, in order (ProConnect's is `application/jwt`). */
  userinfoContentTypes: string[];
  /** When true, the userinfo JWT's signature is altered on the way out (a forged answer). */
  forgeUserinfoSignature: boolean;
  close(): Promise<void>;
}

const SCOPES = ['openid', 'email', 'given_name', 'usual_name', 'siret', 'idp_id'];

/**
 * A real OpenID Provider (panva's oidc-provider) on a free loopback port, configured like
 * ProConnect: Authorization Code with PKCE, ID token and userinfo signed with RS256 (userinfo as
 * a JWT), ProConnect's scopes and claims (`given_name`, `usual_name`, `siret`, `idp_id`), the
 * `eidas1` level, no consent screen, and RP-initiated logout. Its login page asks for an e-mail
 * (« Adresse e-mail », « Continuer »), like ProConnect's first screen.
 */
export async function startOidcProvider(options: { redirectUris: string[]; postLogoutRedirectUris: string[] }): Promise<TestOidcProvider> {
  const accounts = new Map<string, ProviderAccount>();
  const userinfoContentTypes: string[] = [];
  const clientId = 'canevas-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', alg: 'RS256', use: 'sig' };

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const accountOf = (email: string): ProviderAccount | undefined => {
    const account = accounts.get(email);
    if (account) account.sub ??= `sub-${Buffer.from(email).toString('hex').slice(0, 24)}`;
    return account;
  };

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [signingKey as never] },
    scopes: SCOPES,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], given_name: ['given_name'], usual_name: ['usual_name'], siret: ['siret'], idp_id: ['idp_id'] },
    acrValues: ['eidas1'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // ProConnect's lifetimes, roughly (access token 60 s); set so the provider does not warn.
    ttl: { Interaction: 600, Grant: 600, Session: 3600, AccessToken: 60, IdToken: 60, AuthorizationCode: 30 },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = [...accounts.values()].find((candidate) => candidate.sub === id) ?? accountOf(id);
      if (!account) return undefined;
      return {
        accountId: account.sub!,
        async claims() {
          const { sub, ...claims } = account;
          return Object.fromEntries(Object.entries({ sub: sub!, ...claims }).filter(([, value]) => value !== undefined)) as { sub: string };
        },
      };
    },
    // A first-party client, as Canevas is to ProConnect: no consent screen.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(SCOPES.join(' '));
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `${out.error}: ${out.error_description ?? ''}`;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
    if (interaction) {
      handleInteraction(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
      return;
    }
    if (url.pathname === '/me') {
      const end = res.end.bind(res);
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        const type = String(res.getHeader('content-type') ?? '');
        userinfoContentTypes.push(type);
        if (handle.forgeUserinfoSignature && type.startsWith('application/jwt') && chunk !== undefined) {
          const jwt = String(chunk);
          const signature = jwt.slice(jwt.lastIndexOf('.') + 1);
          // Another valid-looking signature of the same length: only a real check catches it.
          const forged = `${jwt.slice(0, jwt.lastIndexOf('.') + 1)}${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
          res.setHeader('content-length', Buffer.byteLength(forged));
          return end(forged);
        }
        return (end as (...args: unknown[]) => typeof res)(chunk, ...rest);
      }) as typeof res.end;
    }
    callback(req, res);
  });

  async function handleInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const email = (form.get('email') ?? '').trim().toLowerCase();
      const account = accountOf(email);
      if (!account) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid, 'Adresse inconnue de ce fournisseur.'));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: account.sub!, acr: 'eidas1' } }, { mergeWithLastSubmission: false });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid));
  }

  const handle: TestOidcProvider = {
    issuer,
    clientId,
    clientSecret,
    scopes: SCOPES.join(' '),
    accounts,
    userinfoContentTypes,
    forgeUserinfoSignature: false,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return handle;
}

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Fournisseur d’identité de test</title></head><body>
<main><h1>Fournisseur d’identité de test</h1>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}"><label for="email">Adresse e-mail</label>
<input id="email" name="email" type="email" autocomplete="off" required><button type="submit">Continuer</button></form></main></body></html>`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
