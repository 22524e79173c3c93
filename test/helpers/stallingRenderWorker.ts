import { parentPort } from 'node:worker_threads';
import { renderBook } from '../../apps/sync-server/src/export/renderBook.js';
import type { RenderReply, RenderRequest } from '../../apps/sync-server/src/export/renderWorkerThread.js';

/**
 * A render worker (`exportLimits.workerScript`) that stalls on demand, so that tests hold an
 * export deterministically instead of guessing how long a big one takes:
 * - a book titled `RUNAWAY_TITLE` says `runaway` on the `EXPORT_GATE` BroadcastChannel, then loops
 *   forever, as a runaway layout would: only the deadline ends it;
 * - one titled `HELD_TITLE` says `holding` on the `EXPORT_GATE` BroadcastChannel, then waits
 *   until the test says `release` there.
 * Every other book is rendered as by the real worker.
 */
export const RUNAWAY_TITLE = 'Export sans fin';
export const HELD_TITLE = 'Export retenu';
export const EXPORT_GATE = 'canevas-test-export-gate';

const gate = new BroadcastChannel(EXPORT_GATE);
/** Releases said before anyone held (none in the tests, which wait for `holding`). */
let early = 0;
const holders: (() => void)[] = [];
gate.onmessage = (event) => {
  if ((event as MessageEvent).data !== 'release') return;
  const holder = holders.shift();
  if (holder) holder();
  else early++;
};
// Listening must not keep the worker alive once the pool lets it go.
(gate as unknown as { unref?: () => void }).unref?.();

parentPort?.on('message', (request: RenderRequest) => {
  void (async () => {
    if (request.book.title === RUNAWAY_TITLE) {
      gate.postMessage('runaway');
      for (;;);
    }
    if (request.book.title === HELD_TITLE) {
      if (early > 0) early--;
      else {
        const released = new Promise<void>((resolve) => holders.push(resolve));
        gate.postMessage('holding');
        await released;
      }
    }
    try {
      const bytes = new Uint8Array(await renderBook(request.book, request.format));
      parentPort?.postMessage({ kind: 'done', id: request.id, bytes } satisfies RenderReply, [bytes.buffer]);
    } catch (error) {
      parentPort?.postMessage({ kind: 'failed', id: request.id, error: String(error) } satisfies RenderReply);
    }
  })();
});
parentPort?.postMessage({ kind: 'ready' } satisfies RenderReply);
