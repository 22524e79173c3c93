import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './Command.js';
import { resolveServeConfig } from './serveConfig.js';

describe('resolveServeConfig', () => {
  it('uses documented defaults', () => {
    expect(resolveServeConfig([], {})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      pluginsDir: undefined,
      publicUrl: undefined,
      maxPayload: 4 * 1024 * 1024,
      maxDocumentBytes: 16 * 1024 * 1024,
      extraContentRoots: [],
      sqliteSynchronous: 'NORMAL',
      sqliteBusyTimeoutMs: 200,
      databasePoolSize: 10,
      logLevel: 'info',
      demo: false,
      trustedProxies: 0,
      allowedOrigins: [],
      exportLimits: { maxRunning: 2, maxQueued: 6, memoryMb: 512, timeoutMs: 60_000 },
      apiTokenDays: 90,
      maxDocumentsPerWorkspace: 1000,
      maxWorkspacesPerUser: 50,
    });
  });

  it('reads the token lifetime and the quotas, and refuses nonsense', () => {
    const config = resolveServeConfig([], { API_TOKEN_DAYS: '30', MAX_DOCUMENTS_PER_WORKSPACE: '200', MAX_WORKSPACES_PER_USER: '5' });
    expect([config.apiTokenDays, config.maxDocumentsPerWorkspace, config.maxWorkspacesPerUser]).toEqual([30, 200, 5]);
    expect(() => resolveServeConfig([], { MAX_DOCUMENTS_PER_WORKSPACE: '0' })).toThrow('MAX_DOCUMENTS_PER_WORKSPACE doit être un entier');
    expect(() => resolveServeConfig([], { API_TOKEN_DAYS: 'jamais' })).toThrow('API_TOKEN_DAYS doit être un entier');
  });

  it('reads the PostgreSQL pool size, an integer from 1 to 100, and refuses anything else by name', () => {
    expect(resolveServeConfig([], { DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
    expect(resolveServeConfig([], { DATABASE_POOL_SIZE: '1' }).databasePoolSize).toBe(1);
    expect(resolveServeConfig([], { DATABASE_POOL_SIZE: '100' }).databasePoolSize).toBe(100);
    expect(resolveServeConfig([], { DATABASE_POOL_SIZE: '' }).databasePoolSize).toBe(10);
    for (const raw of ['0', '101', '2.5', '-3', 'dix']) {
      expect(() => resolveServeConfig([], { DATABASE_POOL_SIZE: raw })).toThrow(new UsageError(`DATABASE_POOL_SIZE doit être un entier entre 1 et 100 (reçu : ${raw}).`));
    }
  });

  it('lets flags win over environment variables', () => {
    const config = resolveServeConfig(['--port', '8080', '--data', '/srv/canevas', '--demo'], {
      PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: '/ignored',
      SQLITE_SYNCHRONOUS: 'full',
      MAX_PAYLOAD: '1048576',
      MAX_DOCUMENT_BYTES: '2097152',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/canevas',
      sqliteSynchronous: 'FULL',
      maxPayload: 1048576,
      maxDocumentBytes: 2097152,
      demo: true,
    });
  });

  it('refuses bad values with a message naming the setting', () => {
    expect(() => resolveServeConfig(['--port', 'abc'], {})).toThrow(new UsageError('port doit être un entier entre 0 et 65535 (reçu : abc).'));
    expect(() => resolveServeConfig([], { SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(/SQLITE_SYNCHRONOUS/);
    expect(() => resolveServeConfig(['--frobnicate'], {})).toThrow(UsageError);
    expect(() => resolveServeConfig([], { PUBLIC_URL: 'canevas.example.org' })).toThrow(/PUBLIC_URL/);
    expect(() => resolveServeConfig([], { TRUST_PROXY: '-1' })).toThrow(/TRUST_PROXY/);
    expect(() => resolveServeConfig([], { ALLOWED_ORIGINS: 'https://ok.example, javascript:alert(1)' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('turns on several instances with REDIS_URL, only beside DATABASE_URL', () => {
    expect(resolveServeConfig([], {}).redisUrl).toBeUndefined();
    const env = { DATABASE_URL: 'postgres://canevas@db/canevas', REDIS_URL: ' redis://cache:6379 ' };
    expect(resolveServeConfig([], env).redisUrl).toBe('redis://cache:6379');
    expect(() => resolveServeConfig([], { REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL demande DATABASE_URL/);
    expect(() => resolveServeConfig([], { ...env, REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL doit commencer/);
    // Each instance is named in logs and health: by INSTANCE_NAME, else by host and process.
    expect(resolveServeConfig([], env).instanceName).toBe(`${hostname()}-${process.pid}`);
    expect(resolveServeConfig([], { ...env, INSTANCE_NAME: 'canevas-2' }).instanceName).toBe('canevas-2');
    expect(resolveServeConfig([], {}).instanceName).toBeUndefined();
  });

  it('reads the proxy and origin settings', () => {
    expect(resolveServeConfig([], { TRUST_PROXY: '1', ALLOWED_ORIGINS: 'https://canevas.example.org/, http://localhost:5173' })).toMatchObject({
      trustedProxies: 1,
      allowedOrigins: ['https://canevas.example.org', 'http://localhost:5173'],
    });
  });

  it('reads the export limits, the deadline in seconds', () => {
    expect(resolveServeConfig([], { EXPORT_CONCURRENCY: '3', EXPORT_QUEUE: '0', EXPORT_MEMORY_MB: '1024', EXPORT_TIMEOUT: '120' }).exportLimits).toEqual({
      maxRunning: 3,
      maxQueued: 0,
      memoryMb: 1024,
      timeoutMs: 120_000,
    });
    expect(() => resolveServeConfig([], { EXPORT_MEMORY_MB: '16' })).toThrow(/EXPORT_MEMORY_MB/);
    expect(() => resolveServeConfig([], { EXPORT_CONCURRENCY: '0' })).toThrow(/EXPORT_CONCURRENCY/);
  });

  it('reads single sign-on, the redirect URL defaulting from PUBLIC_URL, and refuses an incomplete one', () => {
    const env = {
      PUBLIC_URL: 'https://canevas.example.org',
      OIDC_ISSUER: 'https://auth.agentconnect.gouv.fr/api/v2',
      OIDC_CLIENT_ID: 'canevas',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_SCOPES: 'openid email given_name usual_name siret idp_id',
      OIDC_ACR_VALUES: 'eidas1',
      OIDC_ALLOWED_DOMAINS: ' Exemple.fr, @travail.gouv.fr ',
      OIDC_TRUST_EMAIL: '1',
      PASSWORD_LOGIN: '0',
    };
    const config = resolveServeConfig([], env);
    expect(config.oidc).toEqual({
      issuer: 'https://auth.agentconnect.gouv.fr/api/v2',
      clientId: 'canevas',
      clientSecret: 's3cret',
      redirectUrl: 'https://canevas.example.org/auth/oidc/callback',
      scopes: 'openid email given_name usual_name siret idp_id',
      acrValues: 'eidas1',
      allowedDomains: ['exemple.fr', 'travail.gouv.fr'],
      trustEmail: true,
    });
    expect(config.passwordLogin).toBe(false);
    expect(resolveServeConfig([], { ...env, OIDC_REDIRECT_URL: 'https://sso.example.org/cb' }).oidc?.redirectUrl).toBe('https://sso.example.org/cb');
    expect(resolveServeConfig([], {}).passwordLogin).toBeUndefined();
    expect(() => resolveServeConfig([], { PASSWORD_LOGIN: '0' })).toThrow(/PASSWORD_LOGIN=0 demande OIDC_ISSUER/);
    expect(() => resolveServeConfig([], { ...env, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL/);
    expect(() => resolveServeConfig([], { ...env, OIDC_CLIENT_SECRET: undefined })).toThrow(/OIDC_CLIENT_SECRET/);
    expect(() => resolveServeConfig([], { ...env, OIDC_TRUST_EMAIL: 'oui' })).toThrow(/OIDC_TRUST_EMAIL/);
  });

  it('reads mail settings, which need PUBLIC_URL and MAIL_FROM', () => {
    const env = { SMTP_URL: 'smtp://canevas:secret@smtp.example.org:587', MAIL_FROM: 'Canevas <canevas@example.org>', PUBLIC_URL: 'https://canevas.example.org' };
    expect(resolveServeConfig([], env).mail).toEqual({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, retry: { baseMs: 30_000, maxMs: 3600_000 } });
    expect(resolveServeConfig([], { ...env, MAIL_RETRY_SECONDS: '2' }).mail?.retry).toEqual({ baseMs: 2000, maxMs: 3600_000 });
    expect(resolveServeConfig([], {}).mail).toBeUndefined();
    expect(() => resolveServeConfig([], { ...env, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL/);
    expect(() => resolveServeConfig([], { ...env, MAIL_FROM: '' })).toThrow(/MAIL_FROM/);
    expect(() => resolveServeConfig([], { ...env, SMTP_URL: 'http://smtp' })).toThrow(/SMTP_URL/);
  });
});
