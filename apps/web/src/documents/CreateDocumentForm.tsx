import { useId, useRef, useState, type FormEvent } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { useReferentialManifest } from '../referentials/referentialManifests.js';
import type { ReferentialListState } from '../referentials/useReferentialList.js';
import { prefillTitle } from './prefillTitle.js';
import { ReferentialChoice } from './ReferentialChoice.js';
import { TemplateChoice } from './TemplateChoice.js';
import { TITLE_MAX_LENGTH, validateTitle } from './validateTitle.js';

export interface NewDocument {
  title: string;
  referentialId?: string;
  templateId?: string;
}

interface CreateDocumentFormProps {
  onCreate: (document: NewDocument) => Promise<void>;
  /** The page loads the list once: the document rows name their referential from it too. */
  referentials: ReferentialListState;
  onRetryReferentials: () => void;
}

type Problem = { field: 'template' | 'title' | 'form'; message: string };

/**
 * « Nouveau document »: a referential (or « Document libre »), then one of its templates, then
 * the title, prefilled with the template's title.
 */
export function CreateDocumentForm({ onCreate, referentials, onRetryReferentials: retryReferentials }: CreateDocumentFormProps) {
  const [referentialId, setReferentialId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [suggestion, setSuggestion] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const manifest = useReferentialManifest(referentialId);
  const inputRef = useRef<HTMLInputElement>(null);
  const templateRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  function suggest(next: string): void {
    setTitle((current) => prefillTitle(current, suggestion, next));
    setSuggestion(next);
  }

  function chooseReferential(id: string | null): void {
    setReferentialId(id);
    setTemplateId(null);
    setProblem(null);
    suggest('');
  }

  function chooseTemplate(id: string): void {
    setTemplateId(id);
    setProblem(null);
    const template = manifest.status === 'ready' ? manifest.manifest.templates.find((t) => t.id === id) : undefined;
    suggest(template?.title ?? '');
  }

  function check(): Problem | null {
    const templates = manifest.status === 'ready' ? manifest.manifest.templates : null;
    if (referentialId !== null && templateId === null) {
      if (templates === null) return { field: 'template', message: 'Les modèles de ce référentiel ne sont pas encore chargés.' };
      if (templates.length > 0) return { field: 'template', message: 'Choisissez un modèle.' };
    }
    const titleProblem = validateTitle(title);
    return titleProblem ? { field: 'title', message: titleProblem } : null;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const found = check();
    setProblem(found);
    if (found) {
      (found.field === 'template' ? templateRef : inputRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onCreate({
        title: title.trim(),
        ...(referentialId !== null ? { referentialId } : {}),
        ...(templateId !== null ? { templateId } : {}),
      });
      setTitle('');
      setSuggestion('');
    } catch (failure) {
      setProblem({ field: 'form', message: apiErrorMessage(failure) });
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="create-form" onSubmit={handleSubmit} noValidate aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="section-title">
        Nouveau document
      </h2>
      <ReferentialChoice state={referentials} value={referentialId} onChange={chooseReferential} onRetry={retryReferentials} />
      {referentialId !== null && (
        <TemplateChoice
          manifest={manifest}
          value={templateId}
          onChange={chooseTemplate}
          invalid={problem?.field === 'template'}
          describedBy={problem?.field === 'template' ? errorId : undefined}
          focusRef={templateRef}
        />
      )}
      <div className="create-form__row">
        <div className="field">
          <label htmlFor={inputId}>Titre du document</label>
          <input
            ref={inputRef}
            id={inputId}
            className="input"
            value={title}
            maxLength={TITLE_MAX_LENGTH}
            placeholder="Par exemple : Plan de communication 2026"
            aria-invalid={problem?.field === 'title' ? true : undefined}
            aria-describedby={problem?.field === 'title' || problem?.field === 'form' ? errorId : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Création…' : 'Créer le document'}
        </button>
      </div>
      {problem && (
        <p id={errorId} className="field-error" role="alert">
          {problem.message}
        </p>
      )}
    </form>
  );
}
