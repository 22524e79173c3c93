import { todayIso } from '@canevas/core';
import type { ReferentialLookup } from './completenessAnnex.js';
import { evidenceAnnex } from './evidenceAnnex.js';
import type { Block, ExportBook } from './ExportBook.js';
import { documentNotFound, documentsQuarantined } from './ExportError.js';
import { EXPORT_FORMATS, type ExportFormat } from './exportFormats.js';
import type { ExportSource } from './ExportSource.js';
import { fileNameOf } from './fileName.js';
import { loadDocumentForExport } from './loadDocumentForExport.js';
import { proseMirrorToBlocks } from './proseMirrorToBlocks.js';
import { renderBook } from './renderBook.js';

/** What exports read from: documents, and the referentials for criteria labels and completeness. */
export interface ExportContext {
  source: ExportSource;
  /** Absent: criteria show their ids and the dossier has no completeness annex. */
  referentials?: ReferentialLookup | undefined;
  now?: () => Date;
  /** Lays out the file; in this thread by default, in a worker on the server (`RenderWorker`). */
  render?: (book: ExportBook, format: ExportFormat) => Promise<Uint8Array>;
}

export interface ExportOptions {
  format: ExportFormat;
  /** Adds the annex of passages linked as evidence. */
  evidence?: boolean;
}

export interface ExportedFile {
  bytes: Uint8Array;
  /** Offered name, from the title (accents kept). */
  fileName: string;
  mimeType: string;
}

const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

export function exportedOn(now: Date): string {
  return `Exporté de Canevas le ${longDate.format(now)}`;
}

/** One document as a Markdown, DOCX or PDF file. Throws {@link ExportError} for an unknown id. */
export async function exportDocument(context: ExportContext, id: string, options: ExportOptions): Promise<ExportedFile> {
  const now = context.now?.() ?? new Date();
  const metadata = await context.source.getDocument(id);
  if (!metadata) throw documentNotFound(id);
  if ((await context.source.quarantinedIds()).has(id)) throw documentsQuarantined([metadata.title], false);
  const document = await loadDocumentForExport(context.source, metadata);
  const blocks: Block[] = proseMirrorToBlocks(document.content, { today: todayIso(now) });
  if (options.evidence) {
    const manifest = metadata.referentialId === null ? undefined : context.referentials?.get(metadata.referentialId);
    blocks.push(...evidenceAnnex(document, manifest, 1));
  }
  const book: ExportBook = { title: metadata.title, subtitle: exportedOn(now), blocks, lang: 'fr-FR' };
  const format = EXPORT_FORMATS[options.format];
  return {
    bytes: await (context.render ?? renderBook)(book, options.format),
    fileName: fileNameOf(metadata.title, format.extension),
    mimeType: format.mimeType,
  };
}
