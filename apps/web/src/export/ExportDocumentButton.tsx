import { useState } from 'react';
import { ExportDocumentDialog } from './ExportDocumentDialog.js';

interface ExportDocumentButtonProps {
  documentId: string;
  title: string;
  /** The evidence annex is offered only for a document that follows a referential. */
  hasReferential: boolean;
}

/** « Exporter » in the document header: Word, PDF or Markdown of the document as it is now. */
export function ExportDocumentButton({ documentId, title, hasReferential }: ExportDocumentButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Exporter
      </button>
      {open && (
        <ExportDocumentDialog documentId={documentId} title={title} hasReferential={hasReferential} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
