import { useState } from 'react';
import type { DocumentSummary } from '../api/trpcClient.js';
import { ExportDossierDialog } from './ExportDossierDialog.js';

/** « Exporter le dossier » on the list page: every listed document in one file. */
export function ExportDossierButton({ documents }: { documents: readonly DocumentSummary[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" disabled={documents.length === 0} onClick={() => setOpen(true)}>
        Exporter le dossier
      </button>
      {open && <ExportDossierDialog documents={documents} onClose={() => setOpen(false)} />}
    </>
  );
}
