// Every server under test runs compiled JavaScript under plain node, as Canevas runs in
// production (docs/adr/0013-compiled-server.md): tsx's loader would add its own memory and start-up
// CPU to whichever server ran through it. Canevas is its production bundle (apps/sync-server/dist,
// rebuilt here); each entry of this folder is bundled with esbuild the same way, third-party
// packages left to node_modules.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { DIST_DIR } from '../../../apps/sync-server/src/appFiles.js';
import { buildServer } from '../../../apps/sync-server/scripts/buildServer.js';
import type { ServerKind } from '../protocol/ServerKind.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** bench/dist/servers/: the same depth as this folder, so the entries' relative paths hold. */
const OUT_DIR = fileURLToPath(new URL('../../dist/servers/', import.meta.url));

const SOURCES: Record<ServerKind, string> = {
  canevas: 'canevasProcess',
  // The same process, told to store into PostgreSQL (--database-url).
  'canevas-postgres': 'canevasProcess',
  hocuspocus: 'hocuspocusProcess',
  ywebsocket: 'yWebsocketProcess',
};

/** Builds the entries (about a second each time) and returns each kind's compiled entry. */
export async function compileServerEntries(): Promise<Record<ServerKind, string>> {
  await buildServer();
  const names = [...new Set(Object.values(SOURCES))];
  await build({
    entryPoints: Object.fromEntries(names.map((name) => [name, join(HERE, `${name}.ts`)])),
    outdir: OUT_DIR,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    plugins: [
      {
        name: 'packages-stay-external',
        setup(bundle) {
          // Canevas as production runs it: the bundle's library entry.
          bundle.onResolve({ filter: /^@canevas\/sync-server$/ }, () => ({ path: pathToFileURL(join(DIST_DIR, 'index.js')).href, external: true }));
          bundle.onResolve({ filter: /^[^./]/ }, () => ({ external: true }));
        },
      },
    ],
  });
  return Object.fromEntries(Object.entries(SOURCES).map(([kind, name]) => [kind, join(OUT_DIR, `${name}.js`)])) as Record<ServerKind, string>;
}
