import { useId, useState, type FormEvent } from 'react';
import type { DocumentSummary } from '../api/trpcClient.js';
import { Dialog } from '../ui/Dialog.js';
import { RadioCardGroup } from '../ui/RadioCardGroup.js';
import { EXPORT_FORMATS, type ExportFormat } from './exportApi.js';
import { useDossierExport } from './useDossierExport.js';
import './export.css';

interface ExportDossierDialogProps {
  documents: readonly DocumentSummary[];
  onClose: () => void;
}

/**
 * The dossier in one file: a chapter per document, oldest first, and the completeness annex of
 * the documents that follow a referential. Shows the server's progress while it is prepared.
 */
export function ExportDossierDialog({ documents, onClose }: ExportDossierDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [title, setTitle] = useState('Dossier');
  const [evidence, setEvidence] = useState(false);
  const [state, start] = useDossierExport();
  const titleId = useId();
  const progressId = useId();
  const running = state.status === 'running';
  const count = documents.length;
  const withReferential = documents.some((document) => document.referentialId !== null);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (running) return;
    // Chapters in the order the documents were written.
    const ordered = [...documents].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    void start({ format, title: title.trim() || 'Dossier', evidence: withReferential && evidence, documentIds: ordered.map((document) => document.id) });
  }

  return (
    <Dialog title="Exporter le dossier" onCancel={onClose} wide>
      <form className="export-form" onSubmit={submit}>
        <p className="field-hint">
          {count} {count > 1 ? 'documents' : 'document'} en un seul fichier : un chapitre par document, puis l’annexe de complétude
          des documents qui suivent un référentiel.
        </p>
        <div className="field">
          <label htmlFor={titleId}>Titre du dossier</label>
          <input id={titleId} className="input" value={title} maxLength={200} disabled={running} onChange={(event) => setTitle(event.target.value)} />
        </div>
        <RadioCardGroup
          legend="Format"
          name="dossier-format"
          options={EXPORT_FORMATS.map((option) => ({ ...option }))}
          value={format}
          onChange={(value) => setFormat(value as ExportFormat)}
        />
        {withReferential && (
          <label className="export-form__option">
            <input type="checkbox" checked={evidence} disabled={running} onChange={(event) => setEvidence(event.target.checked)} />
            Ajouter, à chaque chapitre, l’annexe des passages liés aux critères
          </label>
        )}

        {state.status === 'running' && (
          <div className="export-progress">
            <label htmlFor={progressId}>Progression</label>
            <progress id={progressId} max={state.total} value={state.completed}>
              {state.completed} sur {state.total}
            </progress>
          </div>
        )}
        <p role="status" className="export-form__status">
          {state.status === 'running' && `${state.message}…`}
          {state.status === 'done' && `Dossier prêt : ${state.fileName}`}
        </p>
        {state.status === 'done' && (
          <p>
            Le téléchargement n’a pas démarré ?{' '}
            <a href={state.url} download={state.fileName}>
              Télécharger à nouveau
            </a>
          </p>
        )}
        {state.status === 'error' && (
          <p className="field-error" role="alert">
            {state.message}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {state.status === 'done' ? 'Fermer' : 'Annuler'}
          </button>
          <button type="submit" className="button button--primary" disabled={running} data-autofocus>
            {running ? 'Export en cours…' : 'Exporter'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
