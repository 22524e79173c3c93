import type { ExportBook } from './ExportBook.js';
import type { ExportFormat } from './exportFormats.js';
import { renderDocx } from './renderDocx.js';
import { renderMarkdown } from './renderMarkdown.js';
import { renderPdf } from './renderPdf.js';

export async function renderBook(book: ExportBook, format: ExportFormat): Promise<Uint8Array> {
  switch (format) {
    case 'md':
      return new TextEncoder().encode(renderMarkdown(book));
    case 'docx':
      return renderDocx(book);
    case 'pdf':
      return renderPdf(book);
  }
}
