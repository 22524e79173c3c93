// Hocuspocus as its README shows it, with the SQLite extension on the data folder and the
// default debounce (2 s, at most 10 s) and broadcast coalescing.
import { join } from 'node:path';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';
import { announceReady, argument, serveParentRequests } from './serverProcessIpc.js';

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [new SQLite({ database: join(argument('data'), 'hocuspocus.sqlite') })],
});
await server.listen();
serveParentRequests();
process.on('SIGTERM', () => {
  void server.destroy().then(() => process.exit(0));
});
announceReady(server.address.port);
