import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type { Version, VersionKind } from '../versions/VersionStore.js';

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/** A `versions` row as both engines return it (same column names in SQLite and PostgreSQL). */
export interface VersionRow {
  id: string;
  document_id: string;
  kind: string;
  name: string | null;
  created_at: number;
  created_by: string | null;
  /** JSON array of account ids. */
  editors: string;
  restored_from: string | null;
  bytes: number;
  /** How `state` is written: `yjs+deflate` (raw DEFLATE of the update), or `yjs` as is. */
  encoding?: string;
  state?: Buffer;
}

export const VERSION_COLUMNS = 'id, document_id, kind, name, created_at, created_by, editors, restored_from, bytes';

export const toVersion = (row: VersionRow): Version => ({
  id: row.id,
  documentId: row.document_id,
  kind: row.kind as VersionKind,
  name: row.name,
  createdAt: row.created_at,
  createdBy: row.created_by,
  editors: JSON.parse(row.editors) as string[],
  restoredFrom: row.restored_from,
  bytes: row.bytes,
});

/**
 * A state as both engines store it: DEFLATE takes a Yjs state of French prose to a third (the
 * 30-page dossier: 143 KiB → 45 KiB), run in libuv's pool, off the event loop.
 */
export async function packState(state: Uint8Array): Promise<{ data: Buffer; encoding: 'yjs+deflate' }> {
  return { data: await deflate(state), encoding: 'yjs+deflate' };
}

export async function unpackState(row: VersionRow): Promise<Uint8Array> {
  const data = row.state!;
  const bytes = row.encoding === 'yjs+deflate' ? await inflate(data) : data;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
