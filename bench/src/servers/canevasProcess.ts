// Canevas as the bench runs it: createServer on the data folder, serving the built web app when
// there is one (the editor scenario needs it), logging warnings and errors only.
// BENCH_CANEVAS_OPTIONS='{"compactionThreshold":100000}' passes extra createServer options, to
// measure the effect of a setting with the same harness.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, createServer, type ServerOptions } from '@canevas/sync-server';
import { announceReady, argument, serveParentRequests } from './serverProcessIpc.js';

const WEB_DIST = fileURLToPath(new URL('../../../apps/web/dist', import.meta.url));

const server = await createServer({
  dataDir: argument('data'),
  port: 0,
  logger: createLogger({ level: 'warn' }),
  ...(existsSync(join(WEB_DIST, 'index.html')) && { webRoot: WEB_DIST }),
  ...(JSON.parse(process.env.BENCH_CANEVAS_OPTIONS ?? '{}') as Partial<ServerOptions>),
});
serveParentRequests();
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
announceReady(server.port);
