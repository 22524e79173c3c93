import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_DIR } from '../appFiles.js';
import { createServer } from '../createServer.js';
import { createLogger } from '../logger.js';
import { newId } from '../newId.js';
import { loadReferentials } from '../plugins/loadReferentials.js';
import { databaseUrlOption, openStores } from '../store/openStores.js';
import { DataFolderBusyError, type Stores } from '../store/Stores.js';
import type { Command } from './Command.js';
import { seedDemo } from './seedDemo.js';
import { resolveServeConfig } from './serveConfig.js';

const WEB_DIST = join(APP_DIR, '../web/dist');

export const serveCommand: Command = {
  name: 'serve',
  usage: [
    'Usage : pnpm canevas serve [--port <p>] [--host <h>] [--data <dossier>] [--plugins <dossier>] [--public-url <url>] [--demo]',
    '',
    'Variables d’environnement : PORT (3000), HOST (127.0.0.1), DATA_DIR (./data), PLUGINS_DIR,',
    'PUBLIC_URL, MAX_PAYLOAD (4194304 octets), MAX_DOCUMENT_BYTES (16777216 octets), SQLITE_SYNCHRONOUS (NORMAL|FULL), SQLITE_BUSY_TIMEOUT (200 ms),',
    'LOG_LEVEL (info), DATABASE_URL (postgres://… : PostgreSQL au lieu de SQLite dans DATA_DIR), DATABASE_POOL_SIZE (10 connexions PostgreSQL),',
    'REDIS_URL (redis://… avec DATABASE_URL : plusieurs instances sur la même base), INSTANCE_NAME (nom de l’instance dans les journaux),',
    'TRUST_PROXY (0 : nombre de mandataires inverses de confiance), ALLOWED_ORIGINS (origines supplémentaires, séparées par des virgules),',
    'EXPORT_CONCURRENCY (2 exports à la fois), EXPORT_QUEUE (6 en attente, puis 429), EXPORT_MEMORY_MB (512 Mio par mise en page),',
    'EXPORT_TIMEOUT (60 s par mise en page).',
  ].join('\n'),
  async run(argv, io) {
    const config = resolveServeConfig(argv, io.env);
    const logger = createLogger({ level: config.logLevel, ...(config.instanceName !== undefined && { instance: config.instanceName }) });
    let stores: Stores;
    try {
      stores = await openStores({
        role: 'server',
        dataDir: config.dataDir,
        ...databaseUrlOption(io.env),
        databasePoolSize: config.databasePoolSize,
        sqliteSynchronous: config.sqliteSynchronous,
        sqliteBusyTimeoutMs: config.sqliteBusyTimeoutMs,
        logger,
      });
    } catch (error) {
      if (!(error instanceof DataFolderBusyError)) throw error;
      // Two servers appending to one database would each miss the other's updates.
      io.stderr(`${error.message}\n`);
      return 1;
    }
    const { documents: store, accounts } = stores;
    // A faulty plugin is logged and disabled here; it never stops the server.
    const referentials = await loadReferentials({ manifestsDir: config.pluginsDir, logger });
    if (config.demo) {
      const seeded = await seedDemo(store, referentials.registry);
      logger.info('demo.seeded', { documents: seeded });
    }
    const placed = await store.placeUnassignedDocuments({ id: newId(12), name: config.demo ? 'Espace de démonstration' : 'Documents sans espace de travail', createdAt: Date.now() });
    if (placed > 0) logger.info('documents.placed_in_workspace', { documents: placed });
    if ((await accounts.countUsers()) === 0) {
      logger.info('accounts.setup_required', { message: 'Ouvrez l’application pour créer le compte administrateur, ou utilisez « pnpm canevas user create ».' });
    }
    const webRoot = existsSync(join(WEB_DIST, 'index.html')) ? WEB_DIST : undefined;
    const server = await createServer({
      stores,
      port: config.port,
      host: config.host,
      maxPayload: config.maxPayload,
      maxDocumentBytes: config.maxDocumentBytes,
      extraContentRoots: config.extraContentRoots,
      logger,
      referentials,
      trustedProxies: config.trustedProxies,
      allowedOrigins: config.allowedOrigins,
      exportLimits: config.exportLimits,
      apiTokenDays: config.apiTokenDays,
      maxDocumentsPerWorkspace: config.maxDocumentsPerWorkspace,
      maxWorkspacesPerUser: config.maxWorkspacesPerUser,
      ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
      ...(config.redisUrl !== undefined && { redisUrl: config.redisUrl }),
      ...(config.instanceName !== undefined && { instanceName: config.instanceName }),
      ...(webRoot !== undefined && { webRoot }),
      ...(config.oidc && { oidc: config.oidc }),
      ...(config.passwordLogin === false && { passwordLogin: false }),
      ...(config.mail && { mail: config.mail }),
    });
    io.stdout(`Canevas écoute sur ${server.url}\n`);

    return new Promise<number>((resolve) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
          logger.warn('server.forced_exit', { signal });
          process.exit(1);
        }
        stopping = true;
        logger.info('server.stopping', { signal });
        server.close().then(
          ({ unstoredUpdates }) => {
            // Closing the stores freed the data folder.
            resolve(unstoredUpdates > 0 ? 1 : 0);
          },
          (error: unknown) => {
            logger.error('server.close_failed', { error });
            resolve(1);
          },
        );
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
  },
};
