import type { ExportBook } from './ExportBook.js';
import type { ExportFormat } from './exportFormats.js';

/**
 * Renderers load on first use: docx and pdfmake (with its fonts) are heavy, and neither the
 * server's start nor `pnpm canevas doc list` should pay for them.
 */
export async function renderBook(book: ExportBook, format: ExportFormat): Promise<Uint8Array> {
  switch (format) {
    case 'md': {
      const { renderMarkdown } = await import('./renderMarkdown.js');
      return new TextEncoder().encode(renderMarkdown(book));
    }
    case 'docx': {
      const { renderDocx } = await import('./renderDocx.js');
      return renderDocx(book);
    }
    case 'pdf': {
      const { renderPdf } = await import('./renderPdf.js');
      return renderPdf(book);
    }
  }
}
