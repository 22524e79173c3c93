import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerOptions } from '@canevas/sync-server';
import { newServer, type TestServer } from '../../helpers/index.js';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../apps/web/dist');

/** The real server on port 0, with a fresh SQLite folder, serving the built web app. */
export async function startApp(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`No built web app in ${WEB_DIST}: run \`pnpm build\` first (\`pnpm test:e2e\` does).`);
  }
  return newServer({ ...options, webRoot: WEB_DIST });
}
