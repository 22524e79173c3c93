// The y-websocket reference server as its own `server.js` starts it, with its documented
// persistence (y-leveldb, enabled by YPERSISTENCE), on ws 8 like the other two servers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { announceReady, argument, serveParentRequests } from './serverProcessIpc.js';

// utils.js reads YPERSISTENCE when it is first imported.
process.env.YPERSISTENCE = join(argument('data'), 'leveldb');
const utils = await import('@y/websocket-server/utils');

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, request) => utils.setupWSConnection(ws, request));
const server = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
serveParentRequests();
process.on('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate();
  server.close();
  const persistence = utils.getPersistence() as { provider?: { destroy(): Promise<void> } } | null;
  void (persistence?.provider?.destroy() ?? Promise.resolve()).then(() => process.exit(0));
});
announceReady((server.address() as AddressInfo).port);
