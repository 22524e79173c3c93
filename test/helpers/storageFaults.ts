import { join } from 'node:path';
import { SqliteDocumentStore } from '@canevas/sync-server';
import * as decoding from 'lib0/decoding';
import type { RawClient, RawMessage } from './newRawClient.js';
import { serverDatabase, type TestServer } from './newServer.js';

// Real SQLite faults on a server's own file, shared by the storage-fault tests.

export const SQLITE_FILE = 'canevas.sqlite';
/** The server's storage status message (ack=1 clients only). */
export const STORAGE_STATUS = 101;

/** Decodes as a variable-length integer longer than 53 bits: Yjs refuses it ("Integer out of Range"). */
export const GARBAGE = Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);

export type StorageStatus = { state: 'writable' } | { state: 'failing'; kind: string; retryInMs: number };

/** Decodes a type-101 frame by hand, as any client would: the wire format is the contract. */
export function storageStatusOf(message: RawMessage): StorageStatus {
  const decoder = decoding.createDecoder(message.payload);
  const state = decoding.readVarUint(decoder);
  const kind = decoding.readVarString(decoder);
  const retryInMs = decoding.readVarUint(decoder);
  return state === 0 ? { state: 'writable' } : { state: 'failing', kind, retryInMs };
}

export const storageStatuses = (client: RawClient): StorageStatus[] =>
  client.messages.filter((message) => message.type === STORAGE_STATUS).map(storageStatusOf);

/**
 * Neither the database file nor the update log may grow: any insert that needs a new page fails
 * with SQLITE_FULL, any logged edit with ENOSPC (the log's quota, set to its current size).
 * Returns the cure.
 */
export function fillDisk(server: TestServer): () => void {
  const db = serverDatabase(server);
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  const log = (server.store as SqliteDocumentStore).updateLog;
  log?.setQuota(log.bytes);
  return () => {
    db.pragma('max_page_count = 1073741823');
    log?.setQuota(Number.POSITIVE_INFINITY);
  };
}

/**
 * A second, independent connection on a server's file (as an administrator's tool would); the
 * caller closes it. `importLog` (a stopped server only) first imports the update log a crash left
 * behind, as the next start would, so that every edit is a row.
 */
export function openDataFile(dataDir: string, options: { importLog?: boolean } = {}): SqliteDocumentStore {
  return new SqliteDocumentStore({ file: join(dataDir, SQLITE_FILE), busyTimeoutMs: 0, ...(options.importLog && { updateLog: 'append' as const }) });
}

/** Replaces a stopped server's folded snapshot of `docId` by bytes Yjs cannot read. */
export async function corruptSnapshot(dataDir: string, docId: string): Promise<void> {
  const store = openDataFile(dataDir);
  try {
    const changed = store.database.prepare<[Buffer, string]>('UPDATE document_snapshots SET data = ? WHERE doc_id = ?').run(GARBAGE, docId).changes;
    if (changed !== 1) throw new Error(`corruptSnapshot: no snapshot stored for ${docId}`);
  } finally {
    await store.close();
  }
}
