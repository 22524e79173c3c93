import { processIo, type ProcessIo } from './procStats.js';
import { sleep } from './summarize.js';

export interface WriteAmplification {
  /** Yjs update bytes the server received during the phase. */
  updateBytes: number;
  /** Growth of /proc/<pid>/io write_bytes: what the server sent to the block layer (whole pages). */
  diskWriteBytes: number;
  /** diskWriteBytes ÷ updateBytes: the figure the target applies to. */
  ratio: number;
  /** Bytes passed to write() on files: wchar growth minus the bytes the clients received (approximate). */
  fileWriteBytes: number;
  fileRatio: number;
  /** How long the server kept writing after the last client left (debounced stores, compaction). */
  settleSeconds: number;
}

/** Waits until the server has stopped writing for `quietMs` (at most `maxMs`), then reads its I/O. */
export async function settledIo(pid: number, quietMs: number, maxMs = 20_000): Promise<{ io: ProcessIo; seconds: number }> {
  const start = performance.now();
  let last = processIo(pid);
  let lastChange = performance.now();
  while (performance.now() - start < maxMs) {
    await sleep(250);
    const io = processIo(pid);
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

export function writeAmplification(before: ProcessIo, after: ProcessIo, updateBytes: number, socketBytesOut: number, settleSeconds: number): WriteAmplification {
  const diskWriteBytes = after.writeBytes - before.writeBytes;
  const fileWriteBytes = Math.max(0, after.wchar - before.wchar - socketBytesOut);
  return {
    updateBytes,
    diskWriteBytes,
    ratio: diskWriteBytes / Math.max(1, updateBytes),
    fileWriteBytes,
    fileRatio: fileWriteBytes / Math.max(1, updateBytes),
    settleSeconds,
  };
}
