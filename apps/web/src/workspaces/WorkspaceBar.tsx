import { useId, useState, type FormEvent } from 'react';
import type { WorkspaceSummary } from '@canevas/sync-server';
import { ROLE_NAMES } from '../account/roleNames.js';
import { apiErrorMessage } from '../api/apiError.js';
import { Link } from '../routing/Link.js';
import { workspacePath } from '../routing/navigation.js';

interface WorkspaceBarProps {
  workspaces: WorkspaceSummary[];
  current: WorkspaceSummary | null;
  onSelect: (id: string) => void;
  onCreate: (name: string) => Promise<void>;
}

/** Which workspace the list shows, the caller's role in it, its members, and a new workspace. */
export function WorkspaceBar({ workspaces, current, onSelect, onCreate }: WorkspaceBarProps) {
  const id = useId();
  const [creating, setCreating] = useState(workspaces.length === 0);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Donnez un nom à l’espace de travail.');
      return;
    }
    try {
      await onCreate(name.trim());
      setName('');
      setCreating(false);
      setError(null);
    } catch (failure) {
      setError(apiErrorMessage(failure));
    }
  }

  return (
    <section className="workspace-bar" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Espace de travail
      </h2>
      {workspaces.length > 0 && current && (
        <div className="workspace-bar__row">
          <div className="field workspace-bar__picker">
            <label htmlFor={`${id}-select`}>Espace de travail</label>
            <select id={`${id}-select`} className="input" value={current.id} onChange={(event) => onSelect(event.target.value)}>
              {workspaces.map((workspace) => (
                <option key={workspace.id} value={workspace.id}>
                  {workspace.name}
                </option>
              ))}
            </select>
          </div>
          <p className="muted">Votre rôle : {ROLE_NAMES[current.role]}</p>
          <Link href={workspacePath(current.id)}>Membres et invitations</Link>
          {!creating && (
            <button type="button" className="button button--quiet" onClick={() => setCreating(true)}>
              Nouvel espace de travail
            </button>
          )}
        </div>
      )}
      {workspaces.length === 0 && <p>Vous n’appartenez encore à aucun espace de travail. Créez-en un, ou demandez une invitation.</p>}
      {creating && (
        <form className="create-form__row" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-name`}>Nom du nouvel espace de travail</label>
            <input id={`${id}-name`} className="input" value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
          </div>
          <button type="submit" className="button button--primary">
            Créer l’espace
          </button>
          {workspaces.length > 0 && (
            <button type="button" className="button button--quiet" onClick={() => setCreating(false)}>
              Annuler
            </button>
          )}
        </form>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}
