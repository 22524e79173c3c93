import { parentPort } from 'node:worker_threads';
import { mapCompiledStackTraces } from '../compiledStackTraces.js';
import type { ExportBook } from './ExportBook.js';
import type { ExportFormat } from './exportFormats.js';
import { renderBook } from './renderBook.js';

export interface RenderRequest {
  id: number;
  book: ExportBook;
  format: ExportFormat;
}

export type RenderReply =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; bytes: Uint8Array }
  | { kind: 'failed'; id: number; error: string };

mapCompiledStackTraces();

// Runs in a worker thread (see RenderPool): lays out DOCX and PDF files off the server's event loop.
parentPort?.on('message', (request: RenderRequest) => {
  renderBook(request.book, request.format).then(
    (rendered) => {
      // A copy of its own, so its memory moves to the server's thread instead of being cloned.
      const bytes = new Uint8Array(rendered);
      parentPort?.postMessage({ kind: 'done', id: request.id, bytes } satisfies RenderReply, [bytes.buffer]);
    },
    (error: unknown) => parentPort?.postMessage({ kind: 'failed', id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});

// The renderers load before the worker says it is ready: the deadline measures layout, not start-up.
const [, , pdf] = await Promise.all([import('./renderDocx.js'), import('./renderMarkdown.js'), import('./pdfMaker.js'), import('./renderPdf.js')]);
pdf.pdfMaker();
parentPort?.postMessage({ kind: 'ready' } satisfies RenderReply);
