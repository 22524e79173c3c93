import type { Anchor, ReferentialManifest } from '@canevas/core';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { criterionGroups, filterCriterionGroups } from '../referentials/criterionGroups.js';
import { Dialog } from '../ui/Dialog.js';
import './evidence.css';

/** The server links a passage to 20 criteria at most. */
export const MAX_CRITERIA_PER_LINK = 20;

interface LinkEvidenceDialogProps {
  documentId: string;
  /** Taken when the dialog opened: later edits move it with the text. */
  anchor: Anchor;
  manifest: ReferentialManifest;
  author: string;
  onLinked: (codes: string[]) => void;
  onCancel: () => void;
}

/** « Lier à un critère »: search the referential's criteria, tick one or more, link the passage. */
export function LinkEvidenceDialog({ documentId, anchor, manifest, author, onLinked, onCancel }: LinkEvidenceDialogProps) {
  const groups = useMemo(() => criterionGroups(manifest), [manifest]);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const visible = useMemo(() => filterCriterionGroups(groups, query), [groups, query]);
  const visibleCount = visible.reduce((count, group) => count + group.criteria.length, 0);
  const codeOf = useMemo(() => {
    const codes = new Map(groups.flatMap((group) => group.criteria.map((c) => [c.id, c.code ?? c.label] as const)));
    return (id: string) => codes.get(id) ?? id;
  }, [groups]);

  function toggle(id: string, checked: boolean): void {
    setError(null);
    setSelected((current) => (checked ? [...current, id] : current.filter((other) => other !== id)));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    if (selected.length === 0) {
      setError('Cochez au moins un critère.');
      searchRef.current?.focus();
      return;
    }
    if (selected.length > MAX_CRITERIA_PER_LINK) {
      setError(`Un passage se lie à ${MAX_CRITERIA_PER_LINK} critères au plus : décochez-en ${selected.length - MAX_CRITERIA_PER_LINK}.`);
      return;
    }
    setBusy(true);
    try {
      await trpc.evidence.add.mutate({ documentId, anchor, nodeIds: selected, author });
      onLinked(selected.map(codeOf));
    } catch (failure) {
      setError(apiErrorMessage(failure));
      setBusy(false);
    }
  }

  const errorId = `${baseId}-error`;
  return (
    <Dialog title="Lier à un critère" onCancel={onCancel} wide>
      <form className="link-evidence" onSubmit={handleSubmit} noValidate>
        <p className="link-evidence__intro">Passage sélectionné :</p>
        <blockquote className="evidence-quote">{anchor.quote.exact}</blockquote>
        <div className="field">
          <label htmlFor={`${baseId}-search`}>Rechercher un critère</label>
          <input
            ref={searchRef}
            id={`${baseId}-search`}
            className="input"
            type="search"
            value={query}
            placeholder="Code ou mots du critère, par exemple : CP2 ou budget"
            aria-describedby={`${baseId}-count`}
            data-autofocus
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <p id={`${baseId}-count`} role="status" className="link-evidence__count">
          {countLabel(visibleCount)}
          {selected.length > 0 && ` · ${checkedLabel(selected.length)}`}
        </p>
        <div className="link-evidence__groups">
          {visible.map((group) => (
            <fieldset key={group.id} className="link-evidence__group">
              <legend className="link-evidence__legend">
                {group.code && <span className="criterion-code">{group.code}</span>} {group.label}
              </legend>
              {group.criteria.map((criterion) => {
                const id = `${baseId}-${criterion.id}`;
                return (
                  <div key={criterion.id} className="link-evidence__option">
                    <input
                      id={id}
                      type="checkbox"
                      checked={selected.includes(criterion.id)}
                      onChange={(event) => toggle(criterion.id, event.target.checked)}
                    />
                    <label htmlFor={id}>
                      {criterion.code && <span className="criterion-code">{criterion.code}</span>} {criterion.label}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ))}
          {visibleCount === 0 && <p className="muted">Aucun critère ne correspond à « {query.trim()} ».</p>}
        </div>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            Annuler
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-describedby={error ? errorId : undefined}>
            {busy ? 'Liaison…' : 'Lier'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function countLabel(count: number): string {
  if (count === 0) return 'Aucun critère trouvé';
  return `${count} ${count === 1 ? 'critère' : 'critères'}`;
}

function checkedLabel(count: number): string {
  return `${count} ${count === 1 ? 'coché' : 'cochés'}`;
}
