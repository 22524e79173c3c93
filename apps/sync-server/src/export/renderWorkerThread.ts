import { parentPort } from 'node:worker_threads';
import type { ExportBook } from './ExportBook.js';
import type { ExportFormat } from './exportFormats.js';
import { renderBook } from './renderBook.js';

export interface RenderRequest {
  id: number;
  book: ExportBook;
  format: ExportFormat;
}

export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

// Runs in a worker thread (see RenderWorker): lays out DOCX and PDF files off the server's event loop.
parentPort?.on('message', (request: RenderRequest) => {
  renderBook(request.book, request.format).then(
    (bytes) => parentPort?.postMessage({ id: request.id, bytes } satisfies RenderReply),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
