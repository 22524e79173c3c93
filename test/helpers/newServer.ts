import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type CanevasServer, type ServerOptions } from '@canevas/sync-server';
import { captureLogger, type CapturedLogs } from './captureLogger.js';

export interface TestServer extends CanevasServer {
  dataDir: string;
  logs: CapturedLogs;
  /** Closes the server and removes its data folder. */
  dispose(): Promise<void>;
}

/** A real server on port 0 with a real SQLite file in a fresh temporary folder. */
export async function newServer(options: Partial<ServerOptions> & { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await newDataDir());
  const logs = captureLogger();
  const server = await createServer({ logger: logs.logger, ...options, dataDir, port: 0 });
  return {
    ...server,
    dataDir,
    logs,
    async dispose() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function newDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'canevas-test-'));
}
