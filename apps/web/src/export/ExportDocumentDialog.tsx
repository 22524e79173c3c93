import { useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog.js';
import { RadioCardGroup } from '../ui/RadioCardGroup.js';
import { documentExportUrl, EXPORT_FORMATS, fetchExport, type ExportFormat } from './exportApi.js';
import { saveBlob } from './saveBlob.js';
import './export.css';

interface ExportDocumentDialogProps {
  documentId: string;
  title: string;
  hasReferential: boolean;
  onClose: () => void;
}

type State = { status: 'idle' } | { status: 'busy' } | { status: 'error'; message: string };

export function ExportDocumentDialog({ documentId, title, hasReferential, onClose }: ExportDocumentDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [evidence, setEvidence] = useState(false);
  const [state, setState] = useState<State>({ status: 'idle' });
  const busy = state.status === 'busy';

  async function download(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setState({ status: 'busy' });
    try {
      const file = await fetchExport(documentExportUrl(documentId, format, hasReferential && evidence), `document.${format}`);
      saveBlob(file.blob, file.fileName);
      onClose();
    } catch (error) {
      setState({ status: 'error', message: (error as Error).message });
    }
  }

  return (
    <Dialog title={`Exporter « ${title} »`} onCancel={onClose}>
      <form className="export-form" onSubmit={(event) => void download(event)}>
        <RadioCardGroup
          legend="Format"
          name="export-format"
          options={EXPORT_FORMATS.map((option) => ({ ...option }))}
          value={format}
          onChange={(value) => setFormat(value as ExportFormat)}
        />
        {hasReferential && (
          <label className="export-form__option">
            <input type="checkbox" checked={evidence} onChange={(event) => setEvidence(event.target.checked)} />
            Ajouter l’annexe des passages liés aux critères
          </label>
        )}
        <p role="status" className="export-form__status">
          {busy ? 'Préparation du fichier…' : ''}
        </p>
        {state.status === 'error' && (
          <p className="field-error" role="alert">
            {state.message}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Annuler
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-autofocus>
            {busy ? 'Préparation…' : 'Télécharger'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
