import type { ServerTarget } from '../protocol/ServerKind.js';
import { treeTotals, type ProcessIo } from './procStats.js';
import { checkpoint, postgresWriteCounters, type PostgresWriteCounters } from './postgresWrites.js';
import { serverIo } from './serverFootprint.js';
import { sleep } from './summarize.js';

export interface WriteAmplification {
  /** Yjs update bytes the server received during the phase. */
  updateBytes: number;
  /**
   * Growth of /proc/<pid>/io write_bytes of the server's processes (for PostgreSQL, the node
   * process and the postmaster's tree): what they sent to the block layer, counted when a page
   * of the page cache turns dirty, by the size of its folio.
   */
  diskWriteBytes: number;
  /** diskWriteBytes ÷ updateBytes: the figure the target applies to. */
  ratio: number;
  /**
   * Bytes passed to write() on files: wchar growth minus the bytes the clients received
   * (approximate). For PostgreSQL, the wchar growth of the postmaster's tree: PostgreSQL talks
   * to its clients with send(), which wchar does not count, so it is all file writes (WAL pages,
   * each partial page again at every commit, and data blocks).
   */
  fileWriteBytes: number;
  fileRatio: number;
  /** How long the server kept writing after the last client left (debounced stores, compaction). */
  settleSeconds: number;
  /** PostgreSQL's own account of the phase (growth of its counters). */
  postgres?: PostgresWriteCounters;
}

/** The server's write counters at one moment; for PostgreSQL, its tree's alone and its statistics too. */
export interface WriteSnapshot {
  io: ProcessIo;
  postgres?: { io: ProcessIo; counters: PostgresWriteCounters };
}

async function snapshot(target: ServerTarget): Promise<WriteSnapshot> {
  if (!target.postgres) return { io: serverIo(target) };
  return {
    io: serverIo(target),
    postgres: { io: treeTotals(target.postgres.postmasterPid).io, counters: await postgresWriteCounters(target.postgres.url) },
  };
}

/**
 * Where a write phase starts. On PostgreSQL, a checkpoint first: the pages earlier phases dirtied
 * are written now, not counted against this one (the end forces one too, see settledWrites).
 */
export async function startWrites(target: ServerTarget): Promise<WriteSnapshot> {
  if (target.postgres) await checkpoint(target.postgres.url);
  return snapshot(target);
}

/**
 * Waits until the server has stopped writing, then reads its counters. On PostgreSQL, forces a
 * checkpoint before reading, so that the data pages the phase dirtied (written at the next
 * checkpoint, minutes later, otherwise) count with it.
 */
export async function settledWrites(target: ServerTarget, quietMs: number): Promise<{ snapshot: WriteSnapshot; seconds: number }> {
  const settled = await settledIo(target, quietMs);
  if (target.postgres) await checkpoint(target.postgres.url);
  return { snapshot: await snapshot(target), seconds: settled.seconds };
}

/** Waits until the server has stopped writing for `quietMs` (at most `maxMs`), then reads its I/O. */
export async function settledIo(target: ServerTarget, quietMs: number, maxMs = 20_000): Promise<{ io: ProcessIo; seconds: number }> {
  const start = performance.now();
  let last = serverIo(target);
  let lastChange = performance.now();
  while (performance.now() - start < maxMs) {
    await sleep(250);
    const io = serverIo(target);
    // wchar also counts the 8-byte eventfd writes of libuv wake-ups: only real writes count.
    if (io.writeBytes !== last.writeBytes || io.wchar - last.wchar > 4096) {
      last = io;
      lastChange = performance.now();
    } else if (performance.now() - lastChange >= quietMs) {
      break;
    }
  }
  return { io: last, seconds: (lastChange - start) / 1000 };
}

export function writeAmplification(before: WriteSnapshot, after: WriteSnapshot, updateBytes: number, socketBytesOut: number, settleSeconds: number): WriteAmplification {
  const diskWriteBytes = after.io.writeBytes - before.io.writeBytes;
  const fileWriteBytes =
    before.postgres && after.postgres ? after.postgres.io.wchar - before.postgres.io.wchar : Math.max(0, after.io.wchar - before.io.wchar - socketBytesOut);
  return {
    updateBytes,
    diskWriteBytes,
    ratio: diskWriteBytes / Math.max(1, updateBytes),
    fileWriteBytes,
    fileRatio: fileWriteBytes / Math.max(1, updateBytes),
    settleSeconds,
    ...(before.postgres &&
      after.postgres && {
        postgres: {
          walBytes: after.postgres.counters.walBytes - before.postgres.counters.walBytes,
          dataBytes: after.postgres.counters.dataBytes - before.postgres.counters.dataBytes,
        },
      }),
  };
}
