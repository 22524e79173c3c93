import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../createServer.js';
import { DEFAULT_API_TOKEN_DAYS } from '../accounts/AuthService.js';
import { DEFAULT_MAX_DOCUMENTS_PER_WORKSPACE, DEFAULT_MAX_WORKSPACES_PER_USER } from '../store/quotas.js';
import type { LogLevel } from '../logger.js';
import { DEFAULT_RENDER_MEMORY_MB, DEFAULT_RENDER_TIMEOUT_MS } from '../export/RenderPool.js';
import { DEFAULT_POOL_SIZE } from '../store/postgresPool.js';
import { DEFAULT_BUSY_TIMEOUT_MS, type SqliteSynchronous } from '../store/SqliteDocumentStore.js';
import { UsageError } from './Command.js';
import { SSO_CALLBACK_PATH } from '@canevas/core';
import type { OidcOptions } from '../oidc/OidcOptions.js';

export interface ServeConfig {
  port: number;
  host: string;
  dataDir: string;
  pluginsDir: string | undefined;
  publicUrl: string | undefined;
  maxPayload: number;
  /** The most bytes a document's encoded state may take (MAX_DOCUMENT_BYTES). */
  maxDocumentBytes: number;
  /** Roots a content doc may hold besides the body (EXTRA_CONTENT_ROOTS: tests and tools only). */
  extraContentRoots: string[];
  sqliteSynchronous: SqliteSynchronous;
  /** Milliseconds a statement waits for another connection's lock (the whole server waits with it). */
  sqliteBusyTimeoutMs: number;
  /** PostgreSQL connections the server keeps at most (DATABASE_POOL_SIZE; unused with SQLite). */
  databasePoolSize: number;
  logLevel: LogLevel;
  demo: boolean;
  /** Reverse proxies in front (X-Forwarded-For hops to trust for the client address). */
  trustedProxies: number;
  /** Extra origins allowed to use the session cookie (besides the Host and PUBLIC_URL). */
  allowedOrigins: string[];
  /** Exports: in progress at once, waiting, heap of a render worker (MiB), deadline of a layout. */
  exportLimits: { maxRunning: number; maxQueued: number; memoryMb: number; timeoutMs: number };
  /** Lifetime in days of an API token created without `--days`. */
  apiTokenDays: number;
  maxDocumentsPerWorkspace: number;
  maxWorkspacesPerUser: number;
  /** REDIS_URL: several instances on one PostgreSQL store (needs DATABASE_URL). */
  redisUrl: string | undefined;
  /** INSTANCE_NAME, else host name and process id with REDIS_URL: in every log line and in `health`. */
  instanceName: string | undefined;
  /** OIDC_ISSUER and its companions: single sign-on (undefined without OIDC_ISSUER). */
  oidc: OidcOptions | undefined;
  /** `false` with PASSWORD_LOGIN=0 (only beside OIDC_ISSUER); undefined otherwise: passwords work. */
  passwordLogin: false | undefined;
  /** SMTP_URL and MAIL_FROM (undefined without SMTP_URL: no mail is sent); MAIL_RETRY_SECONDS, the first retry's delay. */
  mail: { smtpUrl: string; from: string; retry: { baseMs: number; maxMs: number } } | undefined;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_MAX_PAYLOAD = 4 * 1024 * 1024;

/** Command-line flags win over environment variables, which win over defaults. */
export function resolveServeConfig(argv: string[], env: NodeJS.ProcessEnv): ServeConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        plugins: { type: 'string' },
        'public-url': { type: 'string' },
        demo: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const pluginsDir = values.plugins ?? env.PLUGINS_DIR;
  const publicUrl = values['public-url'] ?? env.PUBLIC_URL;
  if (publicUrl !== undefined && !/^https?:\/\//.test(publicUrl)) {
    throw new UsageError(`PUBLIC_URL doit commencer par http:// ou https:// (reçu : ${publicUrl}).`);
  }
  return {
    port: integer('port', values.port ?? env.PORT, DEFAULT_PORT, 0, 65535),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: resolve(values.data ?? env.DATA_DIR ?? './data'),
    pluginsDir: pluginsDir ? resolve(pluginsDir) : undefined,
    publicUrl,
    maxPayload: integer('MAX_PAYLOAD', env.MAX_PAYLOAD, DEFAULT_MAX_PAYLOAD, 1024, 1024 * 1024 * 1024),
    maxDocumentBytes: integer('MAX_DOCUMENT_BYTES', env.MAX_DOCUMENT_BYTES, DEFAULT_MAX_DOCUMENT_BYTES, 64 * 1024, 1024 * 1024 * 1024),
    extraContentRoots: (env.EXTRA_CONTENT_ROOTS ?? '').split(',').map((name) => name.trim()).filter((name) => name !== ''),
    sqliteSynchronous: synchronous(env.SQLITE_SYNCHRONOUS),
    sqliteBusyTimeoutMs: integer('SQLITE_BUSY_TIMEOUT', env.SQLITE_BUSY_TIMEOUT, DEFAULT_BUSY_TIMEOUT_MS, 0, 60_000),
    // PostgreSQL's default max_connections is 100, shared by every instance and by pg_dump.
    databasePoolSize: integer('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, DEFAULT_POOL_SIZE, 1, 100),
    logLevel: logLevel(env.LOG_LEVEL),
    demo: values.demo ?? false,
    trustedProxies: integer('TRUST_PROXY', env.TRUST_PROXY, 0, 0, 10),
    allowedOrigins: origins(env.ALLOWED_ORIGINS),
    apiTokenDays: apiTokenDays(env),
    maxDocumentsPerWorkspace: integer('MAX_DOCUMENTS_PER_WORKSPACE', env.MAX_DOCUMENTS_PER_WORKSPACE, DEFAULT_MAX_DOCUMENTS_PER_WORKSPACE, 1, 1_000_000),
    maxWorkspacesPerUser: integer('MAX_WORKSPACES_PER_USER', env.MAX_WORKSPACES_PER_USER, DEFAULT_MAX_WORKSPACES_PER_USER, 1, 100_000),
    exportLimits: exportLimitsOf(env),
    redisUrl: redisUrlOf(env),
    instanceName: env.INSTANCE_NAME?.trim() || (env.REDIS_URL?.trim() ? `${hostname()}-${process.pid}` : undefined),
    ...signInOf(env, publicUrl),
    mail: mailOf(env, publicUrl),
  };
}

/** SMTP_URL turns mail on; its links are built on PUBLIC_URL, never on a request's Host header. */
function mailOf(env: NodeJS.ProcessEnv, publicUrl: string | undefined): ServeConfig['mail'] {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return undefined;
  if (!/^smtps?:\/\//.test(smtpUrl)) throw new UsageError('SMTP_URL doit commencer par smtp:// ou smtps:// (ex. smtp://utilisateur:motdepasse@smtp.example.org:587).');
  if (!publicUrl) throw new UsageError('SMTP_URL demande PUBLIC_URL : les liens des e-mails (invitations, réinitialisation) commencent par PUBLIC_URL.');
  const from = env.MAIL_FROM?.trim();
  if (!from) throw new UsageError('SMTP_URL demande MAIL_FROM, l’expéditeur des e-mails (ex. « Canevas <canevas@example.org> »).');
  const baseSeconds = integer('MAIL_RETRY_SECONDS', env.MAIL_RETRY_SECONDS, 30, 1, 3600);
  return { smtpUrl, from, retry: { baseMs: baseSeconds * 1000, maxMs: Math.max(baseSeconds * 1000, 3600_000) } };
}

/** OIDC_* and PASSWORD_LOGIN: how people sign in. */
function signInOf(env: NodeJS.ProcessEnv, publicUrl: string | undefined): Pick<ServeConfig, 'oidc' | 'passwordLogin'> {
  const issuer = env.OIDC_ISSUER?.trim();
  const passwordLoginRaw = env.PASSWORD_LOGIN?.trim();
  if (passwordLoginRaw !== undefined && passwordLoginRaw !== '' && passwordLoginRaw !== '0' && passwordLoginRaw !== '1') {
    throw new UsageError(`PASSWORD_LOGIN doit valoir 0 ou 1 (reçu : ${passwordLoginRaw}).`);
  }
  const passwordLogin = passwordLoginRaw === '0' ? false : undefined;
  if (!issuer) {
    if (passwordLogin === false) throw new UsageError('PASSWORD_LOGIN=0 demande OIDC_ISSUER : sans fournisseur d’identité, plus personne ne pourrait se connecter.');
    return { oidc: undefined, passwordLogin };
  }
  const url = (name: string, value: string): string => {
    try {
      const parsed = new URL(value);
      if (!/^https?:$/.test(parsed.protocol)) throw new Error('not http');
      return parsed.href;
    } catch {
      throw new UsageError(`${name} doit être une adresse http(s) (reçu : ${value}).`);
    }
  };
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new UsageError('OIDC_ISSUER demande OIDC_CLIENT_ID et OIDC_CLIENT_SECRET (fournis à l’inscription de Canevas auprès du fournisseur).');
  const redirectRaw = env.OIDC_REDIRECT_URL?.trim() || (publicUrl ? new URL(SSO_CALLBACK_PATH, publicUrl).href : undefined);
  if (!redirectRaw) throw new UsageError(`OIDC_ISSUER demande PUBLIC_URL (ou OIDC_REDIRECT_URL) : le fournisseur renvoie le navigateur vers PUBLIC_URL${SSO_CALLBACK_PATH}.`);
  const flag = (name: string): boolean => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '' || raw === '0') return false;
    if (raw === '1') return true;
    throw new UsageError(`${name} doit valoir 0 ou 1 (reçu : ${raw}).`);
  };
  return {
    oidc: {
      issuer: url('OIDC_ISSUER', issuer),
      clientId,
      clientSecret,
      redirectUrl: url('OIDC_REDIRECT_URL', redirectRaw),
      ...(env.OIDC_SCOPES?.trim() && { scopes: env.OIDC_SCOPES.trim() }),
      ...(env.OIDC_ACR_VALUES?.trim() && { acrValues: env.OIDC_ACR_VALUES.trim() }),
      allowedDomains: (env.OIDC_ALLOWED_DOMAINS ?? '')
        .split(',')
        .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
        .filter((domain) => domain !== ''),
      trustEmail: flag('OIDC_TRUST_EMAIL'),
      ...(env.OIDC_LABEL?.trim() && { label: env.OIDC_LABEL.trim() }),
    },
    passwordLogin,
  };
}

/** REDIS_URL turns on several instances, which share their documents only through PostgreSQL. */
function redisUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.REDIS_URL?.trim();
  if (!url) return undefined;
  if (!/^rediss?:\/\//.test(url)) throw new UsageError(`REDIS_URL doit commencer par redis:// ou rediss:// (reçu : ${url.replace(/:[^:@/]*@/, ':***@')}).`);
  if (!env.DATABASE_URL?.trim()) {
    throw new UsageError(
      'REDIS_URL demande DATABASE_URL : plusieurs instances partagent leurs documents dans PostgreSQL, jamais dans la base SQLite de DATA_DIR propre à chacune.',
    );
  }
  return url;
}

/** Also read by `doc export`, so that the command fails as the server would. */
export function exportLimitsOf(env: NodeJS.ProcessEnv): ServeConfig['exportLimits'] {
  return {
    maxRunning: integer('EXPORT_CONCURRENCY', env.EXPORT_CONCURRENCY, 2, 1, 64),
    maxQueued: integer('EXPORT_QUEUE', env.EXPORT_QUEUE, 6, 0, 1000),
    memoryMb: integer('EXPORT_MEMORY_MB', env.EXPORT_MEMORY_MB, DEFAULT_RENDER_MEMORY_MB, 64, 65_536),
    timeoutMs: integer('EXPORT_TIMEOUT', env.EXPORT_TIMEOUT, DEFAULT_RENDER_TIMEOUT_MS / 1000, 1, 3600) * 1000,
  };
}

/** `API_TOKEN_DAYS`: the default lifetime of API tokens (the server's and `token create`'s). */
export function apiTokenDays(env: NodeJS.ProcessEnv): number {
  return integer('API_TOKEN_DAYS', env.API_TOKEN_DAYS, DEFAULT_API_TOKEN_DAYS, 1, 3650);
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${name} doit être un entier entre ${min} et ${max} (reçu : ${raw}).`);
  }
  return value;
}

function synchronous(raw: string | undefined): SqliteSynchronous {
  const value = (raw ?? 'NORMAL').toUpperCase();
  if (value !== 'NORMAL' && value !== 'FULL') {
    throw new UsageError(`SQLITE_SYNCHRONOUS doit valoir NORMAL ou FULL (reçu : ${raw}).`);
  }
  return value;
}

function logLevel(raw: string | undefined): LogLevel {
  const value = raw ?? 'info';
  if (value !== 'debug' && value !== 'info' && value !== 'warn' && value !== 'error') {
    throw new UsageError(`LOG_LEVEL doit valoir debug, info, warn ou error (reçu : ${raw}).`);
  }
  return value;
}

function origins(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    try {
      const url = new URL(value);
      if (url.origin === 'null' || !/^https?:$/.test(url.protocol)) throw new Error('not http');
      return url.origin;
    } catch {
      throw new UsageError(`ALLOWED_ORIGINS : « ${value} » n’est pas une origine http(s) valide (ex. https://canevas.example.org).`);
    }
  });
}
